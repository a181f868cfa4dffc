import type { Migration } from './types';

/**
 * The desk guards the data (issue 9). The lock of the desk lives in the database, not in the UI: when it locked
 * (on demand, idle, at start or after a restore) and when the user was last seen at work, so a new process or a
 * restored file starts locked. Wrong-PIN tries are counted per operator here too, so a restart does not reset a
 * lockout. And the length of a PIN, which the hash hides: an administrator's PIN must have 6 digits at least, and
 * making someone an administrator checks the PIN they already have (NULL: set before this version, length unknown).
 */
export const migration013: Migration = {
  version: 13,
  name: 'desk-lock',
  up(db) {
    db.exec(`
      ALTER TABLE desk ADD COLUMN locked_at INTEGER;
      ALTER TABLE desk ADD COLUMN last_activity_at INTEGER;
      -- A desk signed in before this version counts as active since its sign-in; opening the app locks it anyway.
      UPDATE desk SET last_activity_at = (SELECT started_at FROM desk_session WHERE id = desk.session_id) WHERE session_id IS NOT NULL;

      ALTER TABLE operator ADD COLUMN pin_failures INTEGER NOT NULL DEFAULT 0 CHECK (pin_failures >= 0);
      ALTER TABLE operator ADD COLUMN pin_locked_until INTEGER;
      ALTER TABLE operator ADD COLUMN pin_digits INTEGER CHECK (pin_digits IS NULL OR pin_digits BETWEEN 4 AND 8);
    `);
  },
};

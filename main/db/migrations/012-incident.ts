import type { Migration } from './types';
import { appendOnly } from './appendOnly';
import { rebuildTable } from './rebuild';

/**
 * Issue 10 (migration 11): where a positive report is, and deadlines reopened with a reason.
 *
 * - emergency_report gets the compound picked from the street data and the point clicked on the map (both optional).
 *   compound_id has no foreign key on purpose: a report is a record of what was said at the time, and compounds are
 *   deleted and re-imported as street data changes; a foreign key would block those edits (the table is append-only,
 *   so ON DELETE SET NULL cannot run either). The place text stays as written; a compound that is gone reads as none.
 * - deadline_done is rebuilt with an id of its own, so a deadline can be done, reopened (deadline_reopen, with the
 *   reason) and done again, every mark kept. A trigger refuses a second done mark while one is still standing.
 */
export const migration012: Migration = {
  version: 12,
  name: 'incident',
  rebuildsTables: true,
  up(db) {
    db.exec(`
      ALTER TABLE emergency_report ADD COLUMN compound_id INTEGER CHECK (compound_id IS NULL OR compound_id > 0);
      ALTER TABLE emergency_report ADD COLUMN lng REAL CHECK (lng IS NULL OR lng BETWEEN -180 AND 180);
      ALTER TABLE emergency_report ADD COLUMN lat REAL CHECK ((lat IS NULL) = (lng IS NULL) AND (lat IS NULL OR lat BETWEEN -90 AND 90));
    `);
    rebuildTable(
      db,
      'deadline_done',
      `CREATE TABLE deadline_done (
        id INTEGER PRIMARY KEY,
        deadline_id INTEGER NOT NULL REFERENCES deadline(id),
        done_at INTEGER NOT NULL,
        operator_id INTEGER REFERENCES operator(id)
      ) STRICT`,
      { columns: ['deadline_id', 'done_at', 'operator_id'] },
    );
    db.exec(`
      CREATE INDEX deadline_done_deadline ON deadline_done(deadline_id, id);

      CREATE TABLE deadline_reopen (
        id INTEGER PRIMARY KEY,
        done_id INTEGER NOT NULL UNIQUE REFERENCES deadline_done(id),
        reason TEXT NOT NULL CHECK (length(trim(reason)) > 0),
        at INTEGER NOT NULL,
        operator_id INTEGER REFERENCES operator(id)
      ) STRICT;
      ${appendOnly('deadline_reopen')}

      -- Done stays done until reopened: at most one standing done mark per deadline.
      CREATE TRIGGER deadline_done_one_standing BEFORE INSERT ON deadline_done
        WHEN EXISTS (SELECT 1 FROM deadline_done d WHERE d.deadline_id = NEW.deadline_id
                     AND NOT EXISTS (SELECT 1 FROM deadline_reopen r WHERE r.done_id = d.id))
        BEGIN SELECT RAISE(ABORT, 'deadline_done: this deadline is already done; reopen it first'); END;
    `);
  },
};

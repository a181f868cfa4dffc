import type { Migration } from './types';

/**
 * 值班日志: a hand-written reference to a risk area or a sampling site, which the app does not hold as records yet
 * (a log link needs an id). Added as two columns; the append-only triggers of the table stay as they are.
 */
export const migration008: Migration = {
  version: 8,
  name: 'event-log-ref',
  up(db) {
    db.exec(`
      ALTER TABLE event_log ADD COLUMN ref_kind TEXT CHECK (ref_kind IS NULL OR ref_kind IN ('area', 'site'));
      ALTER TABLE event_log ADD COLUMN ref_text TEXT
        CHECK ((ref_kind IS NULL) = (ref_text IS NULL) AND (ref_text IS NULL OR length(trim(ref_text)) BETWEEN 1 AND 200));
    `);
  },
};

import type { Migration } from './types';
import { appendOnly, sqlList } from './appendOnly';

// Frozen copies of the enums as they were when this migration landed.
const categories = ['mode', 'report', 'deadline', 'checklist', 'command', 'duty', 'desk', 'data', 'system', 'area', 'testing', 'resource', 'call', 'instruction', 'note'];
const linkKinds = ['area', 'site', 'team', 'community', 'compound', 'venue', 'report', 'deadline'];

/** 值班日志: append-only; a correction is a new row pointing at the one it corrects. */
export const migration004: Migration = {
  version: 4,
  name: 'event-log',
  up(db) {
    db.exec(`
      CREATE TABLE event_log (
        id INTEGER PRIMARY KEY,
        -- when it happened (a hand entry may be earlier than when it was written)
        at INTEGER NOT NULL,
        recorded_at INTEGER NOT NULL,
        operator_id INTEGER REFERENCES operator(id),
        category TEXT NOT NULL CHECK (category IN (${sqlList(categories)})),
        text TEXT NOT NULL CHECK (length(trim(text)) > 0),
        link_kind TEXT CHECK (link_kind IS NULL OR link_kind IN (${sqlList(linkKinds)})),
        link_id INTEGER,
        source TEXT NOT NULL CHECK (source IN ('manual', 'auto')),
        method TEXT,
        emergency_id INTEGER REFERENCES emergency(id),
        corrects_id INTEGER REFERENCES event_log(id),
        correction_reason TEXT,
        CHECK ((link_kind IS NULL) = (link_id IS NULL)),
        CHECK ((corrects_id IS NULL) = (correction_reason IS NULL))
      ) STRICT;
      CREATE INDEX event_log_at ON event_log(at, id);
      CREATE INDEX event_log_category ON event_log(category, at);
      CREATE INDEX event_log_corrects ON event_log(corrects_id);
      ${appendOnly('event_log')}
    `);
  },
};

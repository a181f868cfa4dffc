import type { Migration } from './types';

/** 值班员 and the desk: who takes the desk, their optional PIN (salted scrypt), and the desk sessions. */
export const migration002: Migration = {
  version: 2,
  name: 'operators',
  up(db) {
    db.exec(`
      CREATE TABLE operator (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE CHECK (length(trim(name)) > 0),
        phone TEXT,
        is_admin INTEGER NOT NULL DEFAULT 0 CHECK (is_admin IN (0, 1)),
        active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
        -- 'scrypt$N$r$p$salt$hash' (base64), or NULL when no PIN is set
        pin_hash TEXT CHECK (pin_hash IS NULL OR pin_hash LIKE 'scrypt$%'),
        created_at INTEGER NOT NULL,
        created_by INTEGER REFERENCES operator(id),
        updated_at INTEGER NOT NULL,
        updated_by INTEGER REFERENCES operator(id)
      ) STRICT;

      -- One row per stint at the desk; ended by sign-out or by a handover to the next operator.
      CREATE TABLE desk_session (
        id INTEGER PRIMARY KEY,
        operator_id INTEGER NOT NULL REFERENCES operator(id),
        started_at INTEGER NOT NULL,
        ended_at INTEGER,
        end_kind TEXT CHECK (end_kind IS NULL OR end_kind IN ('sign_out', 'hand_over', 'replaced')),
        handover_note TEXT,
        CHECK ((ended_at IS NULL) = (end_kind IS NULL))
      ) STRICT;

      -- The one desk of this database: which session is at it now.
      CREATE TABLE desk (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        session_id INTEGER REFERENCES desk_session(id)
      ) STRICT;
      INSERT INTO desk (id, session_id) VALUES (1, NULL);
    `);
  },
};

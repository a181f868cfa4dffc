import type { Migration } from './types';

/** 值班表: shift definitions, rostered shifts with a leader (领导带班) and duty officers, recorded swaps. */
export const migration007: Migration = {
  version: 7,
  name: 'duty',
  up(db) {
    db.exec(`
      CREATE TABLE duty_config (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        -- [{ key, name, start 'HH:MM', end 'HH:MM' }] in Asia/Shanghai
        shifts TEXT NOT NULL CHECK (json_valid(shifts) AND json_array_length(shifts) > 0),
        min_members INTEGER NOT NULL CHECK (min_members >= 1),
        updated_at INTEGER,
        updated_by INTEGER REFERENCES operator(id)
      ) STRICT;
      INSERT INTO duty_config (id, shifts, min_members) VALUES (1,
        '[{"key":"day","name":"白班","start":"08:00","end":"20:00"},{"key":"night","name":"夜班","start":"20:00","end":"08:00"}]', 1);

      CREATE TABLE duty_shift (
        id INTEGER PRIMARY KEY,
        date TEXT NOT NULL CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
        shift_key TEXT NOT NULL,
        updated_at INTEGER NOT NULL,
        updated_by INTEGER REFERENCES operator(id),
        UNIQUE (date, shift_key)
      ) STRICT;

      CREATE TABLE duty_person (
        id INTEGER PRIMARY KEY,
        shift_id INTEGER NOT NULL REFERENCES duty_shift(id) ON DELETE CASCADE,
        role TEXT NOT NULL CHECK (role IN ('leader', 'member')),
        name TEXT NOT NULL CHECK (length(trim(name)) > 0),
        phone TEXT,
        position INTEGER NOT NULL
      ) STRICT;
      CREATE UNIQUE INDEX duty_person_once ON duty_person(shift_id, name);
      CREATE UNIQUE INDEX duty_person_one_leader ON duty_person(shift_id) WHERE role = 'leader';

      CREATE TABLE duty_swap (
        id INTEGER PRIMARY KEY,
        shift_id INTEGER NOT NULL REFERENCES duty_shift(id) ON DELETE CASCADE,
        role TEXT NOT NULL CHECK (role IN ('leader', 'member')),
        out_name TEXT NOT NULL,
        in_name TEXT NOT NULL,
        reason TEXT,
        at INTEGER NOT NULL,
        operator_id INTEGER REFERENCES operator(id),
        CHECK (out_name <> in_name)
      ) STRICT;
      CREATE INDEX duty_swap_shift ON duty_swap(shift_id, id);
    `);
  },
};

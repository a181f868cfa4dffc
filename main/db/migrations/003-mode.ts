import type { Migration } from './types';
import { appendOnly, sqlList } from './appendOnly';

// Frozen copies of the enums as they were when this migration landed (a migration never changes afterwards).
const caseTypes = ['confirmed', 'asymptomatic', 'suspected', 'screening_positive'];
const workGroupKeys = ['community_screening', 'key_prevention', 'testing', 'tracing', 'isolation_transfer', 'treatment', 'living_supplies', 'transport', 'disinfection'];

/**
 * 平急转换: the current mode, each emergency with its reports, T0 corrections and deadline clocks.
 * Clocks are rows of rules (copied from the policy profile at the switch); due times are derived, never stored.
 */
export const migration003: Migration = {
  version: 3,
  name: 'mode',
  up(db) {
    db.exec(`
      CREATE TABLE emergency (
        id INTEGER PRIMARY KEY,
        switched_at INTEGER NOT NULL,
        switched_by INTEGER REFERENCES operator(id),
        profile_id TEXT NOT NULL
      ) STRICT;
      ${appendOnly('emergency')}

      CREATE TABLE emergency_report (
        id INTEGER PRIMARY KEY,
        emergency_id INTEGER NOT NULL REFERENCES emergency(id),
        reported_at INTEGER NOT NULL,
        place TEXT NOT NULL CHECK (length(trim(place)) > 0),
        case_type TEXT NOT NULL CHECK (case_type IN (${sqlList(caseTypes)})),
        reported_by TEXT NOT NULL CHECK (length(trim(reported_by)) > 0),
        note TEXT,
        is_trigger INTEGER NOT NULL CHECK (is_trigger IN (0, 1)),
        recorded_at INTEGER NOT NULL,
        recorded_by INTEGER REFERENCES operator(id)
      ) STRICT;
      CREATE UNIQUE INDEX emergency_report_one_trigger ON emergency_report(emergency_id) WHERE is_trigger = 1;
      ${appendOnly('emergency_report')}

      CREATE TABLE t0_correction (
        id INTEGER PRIMARY KEY,
        emergency_id INTEGER NOT NULL REFERENCES emergency(id),
        from_at INTEGER NOT NULL,
        to_at INTEGER NOT NULL,
        reason TEXT NOT NULL CHECK (length(trim(reason)) > 0),
        at INTEGER NOT NULL,
        operator_id INTEGER REFERENCES operator(id)
      ) STRICT;
      CREATE INDEX t0_correction_emergency ON t0_correction(emergency_id, id);
      ${appendOnly('t0_correction')}

      CREATE TABLE mode_change (
        id INTEGER PRIMARY KEY,
        at INTEGER NOT NULL,
        operator_id INTEGER REFERENCES operator(id),
        to_mode TEXT NOT NULL CHECK (to_mode IN ('routine', 'emergency')),
        emergency_id INTEGER NOT NULL REFERENCES emergency(id),
        reason TEXT
      ) STRICT;
      ${appendOnly('mode_change')}

      -- The current state (one row): mode, the running emergency, the policy profile for the next switch.
      CREATE TABLE app_mode (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        mode TEXT NOT NULL CHECK (mode IN ('routine', 'emergency')),
        emergency_id INTEGER REFERENCES emergency(id),
        policy_profile_id TEXT NOT NULL,
        CHECK ((mode = 'emergency') = (emergency_id IS NOT NULL))
      ) STRICT;
      INSERT INTO app_mode (id, mode, emergency_id, policy_profile_id) VALUES (1, 'routine', NULL, 'cn-2022-jun-v9');

      CREATE TABLE deadline (
        id INTEGER PRIMARY KEY,
        emergency_id INTEGER NOT NULL REFERENCES emergency(id),
        report_id INTEGER REFERENCES emergency_report(id),
        key TEXT NOT NULL,
        name TEXT NOT NULL,
        name_en TEXT NOT NULL,
        owner_group TEXT NOT NULL CHECK (owner_group IN (${sqlList(workGroupKeys)})),
        anchor TEXT NOT NULL CHECK (anchor IN ('t0', 'each_report')),
        hours REAL NOT NULL CHECK (hours > 0),
        target_hours REAL CHECK (target_hours IS NULL OR (target_hours > 0 AND target_hours <= hours)),
        created_at INTEGER NOT NULL,
        created_by INTEGER REFERENCES operator(id),
        CHECK ((anchor = 'each_report') = (report_id IS NOT NULL))
      ) STRICT;
      CREATE INDEX deadline_emergency ON deadline(emergency_id);
      ${appendOnly('deadline')}

      CREATE TABLE deadline_done (
        deadline_id INTEGER PRIMARY KEY REFERENCES deadline(id),
        done_at INTEGER NOT NULL,
        operator_id INTEGER REFERENCES operator(id)
      ) STRICT;
      ${appendOnly('deadline_done')}
    `);
  },
};

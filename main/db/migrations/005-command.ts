import type { Migration } from './types';
import { sqlList } from './appendOnly';

const leaderRoles = ['area_chief', 'commander', 'exec_commander'];
const workGroupKeys = ['community_screening', 'key_prevention', 'testing', 'tracing', 'isolation_transfer', 'treatment', 'living_supplies', 'transport', 'disinfection'];
const baobaoLevels = ['district_leader', 'street_cadre', 'community_cadre'];

/** 指挥体系 template (leaders, nine work groups, 三级包保) and the snapshots activated at each switch. */
export const migration005: Migration = {
  version: 5,
  name: 'command',
  up(db) {
    db.exec(`
      CREATE TABLE command_leader (
        role TEXT PRIMARY KEY CHECK (role IN (${sqlList(leaderRoles)})),
        name TEXT NOT NULL CHECK (length(trim(name)) > 0),
        phone TEXT,
        updated_at INTEGER NOT NULL,
        updated_by INTEGER REFERENCES operator(id)
      ) STRICT;

      CREATE TABLE work_group (
        key TEXT PRIMARY KEY CHECK (key IN (${sqlList(workGroupKeys)})),
        position INTEGER NOT NULL,
        tasks TEXT,
        updated_at INTEGER,
        updated_by INTEGER REFERENCES operator(id)
      ) STRICT;
      ${workGroupKeys.map((k, i) => `INSERT INTO work_group (key, position) VALUES ('${k}', ${i});`).join('\n')}

      CREATE TABLE work_group_member (
        id INTEGER PRIMARY KEY,
        group_key TEXT NOT NULL REFERENCES work_group(key) ON DELETE CASCADE,
        is_lead INTEGER NOT NULL CHECK (is_lead IN (0, 1)),
        name TEXT NOT NULL CHECK (length(trim(name)) > 0),
        phone TEXT,
        duty TEXT,
        position INTEGER NOT NULL
      ) STRICT;
      CREATE UNIQUE INDEX work_group_one_lead ON work_group_member(group_key) WHERE is_lead = 1;
      CREATE INDEX work_group_member_group ON work_group_member(group_key, position);

      CREATE TABLE baobao (
        community_id INTEGER NOT NULL REFERENCES community(id) ON DELETE CASCADE,
        level TEXT NOT NULL CHECK (level IN (${sqlList(baobaoLevels)})),
        name TEXT NOT NULL CHECK (length(trim(name)) > 0),
        phone TEXT,
        updated_at INTEGER NOT NULL,
        updated_by INTEGER REFERENCES operator(id),
        PRIMARY KEY (community_id, level)
      ) STRICT;

      -- The structure as activated (JSON of CommandStructureDto); the newest row of an emergency is the active one.
      CREATE TABLE command_snapshot (
        id INTEGER PRIMARY KEY,
        emergency_id INTEGER NOT NULL REFERENCES emergency(id),
        taken_at INTEGER NOT NULL,
        operator_id INTEGER REFERENCES operator(id),
        data TEXT NOT NULL CHECK (json_valid(data))
      ) STRICT;
      CREATE INDEX command_snapshot_emergency ON command_snapshot(emergency_id, id);
    `);
  },
};

import type { Migration } from './types';

/** The street as data: street -> communities -> grids -> compounds, key venues, residents, sampling teams, settings. */
export const migration001: Migration = {
  version: 1,
  name: 'street',
  up(db) {
    db.exec(`
      CREATE TABLE setting (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) STRICT;

      CREATE TABLE street (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        code TEXT NOT NULL,
        name TEXT NOT NULL,
        is_fictional INTEGER NOT NULL DEFAULT 0 CHECK (is_fictional IN (0, 1)),
        boundary TEXT,
        created_at INTEGER NOT NULL
      ) STRICT;

      CREATE TABLE community (
        id INTEGER PRIMARY KEY,
        code TEXT NOT NULL UNIQUE,
        name TEXT NOT NULL,
        boundary TEXT,
        updated_at INTEGER NOT NULL
      ) STRICT;

      CREATE TABLE grid (
        id INTEGER PRIMARY KEY,
        code TEXT NOT NULL UNIQUE,
        name TEXT NOT NULL,
        community_id INTEGER NOT NULL REFERENCES community(id) ON DELETE CASCADE,
        updated_at INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX grid_community ON grid(community_id);

      CREATE TABLE compound (
        id INTEGER PRIMARY KEY,
        code TEXT NOT NULL UNIQUE,
        name TEXT NOT NULL,
        community_id INTEGER NOT NULL REFERENCES community(id) ON DELETE CASCADE,
        grid_id INTEGER REFERENCES grid(id) ON DELETE SET NULL,
        buildings INTEGER CHECK (buildings IS NULL OR buildings >= 0),
        residents INTEGER NOT NULL DEFAULT 0 CHECK (residents >= 0),
        households INTEGER NOT NULL DEFAULT 0 CHECK (households >= 0),
        elderly INTEGER NOT NULL DEFAULT 0 CHECK (elderly >= 0),
        boundary TEXT,
        updated_at INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX compound_community ON compound(community_id);

      CREATE TABLE venue (
        id INTEGER PRIMARY KEY,
        code TEXT NOT NULL UNIQUE,
        name TEXT NOT NULL,
        type TEXT NOT NULL CHECK (type IN ('market','supermarket','school','kindergarten','elderly_home','clinic',
          'pharmacy','chess_room','ktv','internet_cafe','hotel','construction_site','cold_store')),
        lng REAL NOT NULL CHECK (lng BETWEEN -180 AND 180),
        lat REAL NOT NULL CHECK (lat BETWEEN -90 AND 90),
        community_id INTEGER REFERENCES community(id) ON DELETE SET NULL,
        compound_id INTEGER REFERENCES compound(id) ON DELETE SET NULL,
        address TEXT,
        contact TEXT,
        updated_at INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX venue_type ON venue(type);

      -- 人口台账: one row per resident. Compound totals are recomputed from it after an import.
      CREATE TABLE resident (
        id INTEGER PRIMARY KEY,
        compound_id INTEGER NOT NULL REFERENCES compound(id) ON DELETE CASCADE,
        building TEXT,
        household TEXT NOT NULL,
        name TEXT NOT NULL,
        sex TEXT CHECK (sex IS NULL OR sex IN ('M', 'F')),
        birth_year INTEGER CHECK (birth_year IS NULL OR birth_year BETWEEN 1890 AND 2100),
        phone TEXT,
        updated_at INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX resident_compound ON resident(compound_id, household);

      CREATE TABLE sampling_team (
        id INTEGER PRIMARY KEY,
        code TEXT NOT NULL UNIQUE,
        name TEXT NOT NULL,
        updated_at INTEGER NOT NULL
      ) STRICT;

      CREATE TABLE team_member (
        id INTEGER PRIMARY KEY,
        team_id INTEGER NOT NULL REFERENCES sampling_team(id) ON DELETE CASCADE,
        name TEXT NOT NULL,
        role TEXT NOT NULL CHECK (role IN ('leader', 'sampler', 'registrar', 'driver')),
        phone TEXT
      ) STRICT;
      CREATE INDEX team_member_team ON team_member(team_id);
    `);
  },
};

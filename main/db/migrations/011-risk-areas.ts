import type { Migration } from './types';
import { appendOnly, sqlList } from './appendOnly';

// Frozen copies of the enums as they were when this migration landed.
const levels = ['high', 'medium', 'low'];
const statuses = ['delineated', 'published', 'lifted', 'revoked'];
const sources = ['drawn', 'compounds', 'imported'];
const eventKinds = ['delineated', 'edited', 'published', 'revoked', 'infection', 'negative_round', 'downgraded', 'lifted', 'imported'];

/**
 * 风险区 (issue 11). `risk_area` holds each area's current state (name, level, status, boundary) and is never
 * deleted: revoking is a status with a reason. Everything that happened to an area (delineation, edits with the
 * boundary after, publication, infections with where found, all-negative rounds, downgrades, lifting, revoking) is
 * an append-only row of `risk_area_event`; the lifecycle is derived from those rows. The ticks of venues to suspend
 * are append-only too (the latest per venue counts). The links to the reports an area follows from can be changed
 * (an edit, recorded in the history).
 */
export const migration011: Migration = {
  version: 11,
  name: 'risk-areas',
  up(db) {
    db.exec(`
      CREATE TABLE risk_area (
        id INTEGER PRIMARY KEY,
        emergency_id INTEGER NOT NULL REFERENCES emergency(id),
        profile_id TEXT NOT NULL,
        name TEXT NOT NULL CHECK (length(trim(name)) BETWEEN 1 AND 100),
        drawn_level TEXT NOT NULL CHECK (drawn_level IN (${sqlList(levels)})),
        level TEXT NOT NULL CHECK (level IN (${sqlList(levels)})),
        status TEXT NOT NULL CHECK (status IN (${sqlList(statuses)})),
        source TEXT NOT NULL CHECK (source IN (${sqlList(sources)})),
        geometry TEXT NOT NULL CHECK (json_valid(geometry) AND json_extract(geometry, '$.type') IN ('Polygon', 'MultiPolygon')),
        compound_ids TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(compound_ids) AND json_type(compound_ids) = 'array'),
        delineated_at INTEGER NOT NULL,
        delineated_by INTEGER REFERENCES operator(id),
        published_at INTEGER,
        published_by INTEGER REFERENCES operator(id),
        ended_at INTEGER,
        ended_by INTEGER REFERENCES operator(id),
        revoke_reason TEXT,
        CHECK (status NOT IN ('published', 'lifted') OR published_at IS NOT NULL),
        CHECK (status <> 'delineated' OR published_at IS NULL),
        CHECK ((status IN ('lifted', 'revoked')) = (ended_at IS NOT NULL)),
        CHECK ((status = 'revoked') = (revoke_reason IS NOT NULL)),
        CHECK (revoke_reason IS NULL OR length(trim(revoke_reason)) > 0)
      ) STRICT;
      CREATE INDEX risk_area_emergency ON risk_area(emergency_id, status);
      CREATE TRIGGER risk_area_no_delete BEFORE DELETE ON risk_area
        BEGIN SELECT RAISE(ABORT, 'risk_area rows are never deleted: revoke the area with a reason'); END;

      CREATE TABLE risk_area_report (
        area_id INTEGER NOT NULL REFERENCES risk_area(id),
        report_id INTEGER NOT NULL REFERENCES emergency_report(id),
        PRIMARY KEY (area_id, report_id)
      ) STRICT;

      CREATE TABLE risk_area_event (
        id INTEGER PRIMARY KEY,
        area_id INTEGER NOT NULL REFERENCES risk_area(id),
        kind TEXT NOT NULL CHECK (kind IN (${sqlList(eventKinds)})),
        -- when it happened (an infection's or a round's own time), and when it was written
        at INTEGER NOT NULL,
        recorded_at INTEGER NOT NULL,
        operator_id INTEGER REFERENCES operator(id),
        -- the area's level after the event
        level TEXT NOT NULL CHECK (level IN (${sqlList(levels)})),
        found_at TEXT CHECK (found_at IS NULL OR found_at IN ('in_control', 'community')),
        restarts_clock INTEGER CHECK (restarts_clock IS NULL OR restarts_clock IN (0, 1)),
        report_id INTEGER REFERENCES emergency_report(id),
        -- the boundary after a delineation or an edit, so every earlier boundary is kept
        geometry TEXT CHECK (geometry IS NULL OR json_valid(geometry)),
        note TEXT,
        text TEXT NOT NULL CHECK (length(trim(text)) > 0),
        CHECK ((kind = 'infection') = (found_at IS NOT NULL)),
        CHECK ((kind = 'infection') = (restarts_clock IS NOT NULL))
      ) STRICT;
      CREATE INDEX risk_area_event_area ON risk_area_event(area_id, at, id);
      ${appendOnly('risk_area_event')}

      -- Venues to suspend inside an area, ticked off (or unticked) with who and when; the latest row per venue counts.
      -- No foreign key to venue: street data may be edited or deleted later, the record of the tick stays.
      CREATE TABLE venue_suspension (
        id INTEGER PRIMARY KEY,
        area_id INTEGER NOT NULL REFERENCES risk_area(id),
        venue_id INTEGER NOT NULL,
        venue_name TEXT NOT NULL,
        suspended INTEGER NOT NULL CHECK (suspended IN (0, 1)),
        at INTEGER NOT NULL,
        operator_id INTEGER REFERENCES operator(id),
        note TEXT
      ) STRICT;
      CREATE INDEX venue_suspension_area ON venue_suspension(area_id, venue_id, id);
      ${appendOnly('venue_suspension')}
    `);
  },
};

import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import booleanWithin from '@turf/boolean-within';
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import { polygon } from '@turf/helpers';
import type { Polygon } from 'geojson';
import { openApp, type OpenedApp } from '../../main/services/app';
import { loadDemoStreet } from '../../main/services/demo';
import { streetSummary } from '../../main/services/street';
import { listTeams } from '../../main/db/teams';
import { AppError } from '../../shared/api/errors';
import { venueTypeIds } from '../../shared/domain/venues';
import type { StreetSummaryDto } from '../../shared/api/street';
import { DEMO_FILES, generateDemo } from '../../scripts/generate-demo';

const resourcesDir = path.resolve('resources');
const NOW = Date.UTC(2026, 4, 1, 2, 0); // 2026-05-01 10:00 in Asia/Shanghai
const temps: string[] = [];
const tempDir = (label: string) => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), `sc-demo-${label}-`));
  temps.push(d);
  return d;
};
const open = (dataDir: string, resources = resourcesDir) => openApp({ dataDir, resourcesDir: resources, shell: 'host', version: 'test', now: () => NOW });

afterAll(() => {
  for (const d of temps) fs.rmSync(d, { recursive: true, force: true });
});

describe('loading the demo street', () => {
  let app: OpenedApp;
  let summary: StreetSummaryDto;
  beforeAll(() => {
    app = open(tempDir('load'));
    summary = loadDemoStreet(app.ctx);
  });
  afterAll(() => app?.close());

  test('gives a fictional street of 8 communities, about 120 compounds, 100,000 registered residents, 300 venues and 12 teams', () => {
    expect(summary.street).toEqual({ code: 'DEMO', name: '示例街道', isFictional: true });
    expect(summary.communities).toBe(8);
    expect(summary.compounds).toBeGreaterThanOrEqual(110);
    expect(summary.compounds).toBeLessThanOrEqual(130);
    expect(summary.grids).toBeGreaterThanOrEqual(8 * 3);
    expect(summary.grids).toBeLessThanOrEqual(8 * 5);
    expect(summary.residents).toBe(100_000);
    expect(summary.registeredResidents).toBe(100_000);
    expect(summary.venues).toBe(300);
    expect(summary.teams).toBe(12);
    // Plausible make-up: about 2.6 people per household, 18-25 % aged 60 or over.
    expect(summary.residents / summary.households).toBeGreaterThan(2.4);
    expect(summary.residents / summary.households).toBeLessThan(2.8);
    expect(summary.elderly / summary.residents).toBeGreaterThan(0.18);
    expect(summary.elderly / summary.residents).toBeLessThan(0.25);
  });

  test("every compound's residents, households and elderly equal what its register says (60+ as of 2026)", () => {
    const rows = app.ctx.db
      .prepare(
        `SELECT p.code, p.residents, p.households, p.elderly,
                COUNT(r.id) AS n, COUNT(DISTINCT r.household) AS h, COALESCE(SUM(r.birth_year <= 1966), 0) AS e
         FROM compound p LEFT JOIN resident r ON r.compound_id = p.id GROUP BY p.id`,
      )
      .all() as { code: string; residents: number; households: number; elderly: number; n: number; h: number; e: number }[];
    expect(rows).toHaveLength(summary.compounds);
    const wrong = rows.filter((r) => r.n !== r.residents || r.h !== r.households || r.e !== r.elderly);
    expect(wrong).toEqual([]);
    expect(rows.reduce((s, r) => s + r.h, 0)).toBe(summary.households);
    expect(rows.reduce((s, r) => s + r.e, 0)).toBe(summary.elderly);
  });

  test('the 300 venues cover all 13 types, each is located in a community, most inside compounds', () => {
    for (const t of venueTypeIds) expect(summary.venuesByType[t] ?? 0, t).toBeGreaterThanOrEqual(3);
    const db = app.ctx.db;
    const n = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
    expect(n('SELECT COUNT(*) AS n FROM venue WHERE community_id IS NULL')).toBe(0);
    expect(n('SELECT COUNT(*) AS n FROM venue WHERE compound_id IS NOT NULL')).toBeGreaterThan(80);
    // A venue inside a compound is in that compound's community.
    expect(n('SELECT COUNT(*) AS n FROM venue v JOIN compound p ON p.id = v.compound_id WHERE p.community_id <> v.community_id')).toBe(0);
    // And the community really contains the point (exact test, independent of the loader's index).
    const venues = db.prepare('SELECT v.code, v.lng, v.lat, c.boundary FROM venue v JOIN community c ON c.id = v.community_id').all() as {
      code: string;
      lng: number;
      lat: number;
      boundary: string;
    }[];
    expect(venues.filter((v) => !booleanPointInPolygon([v.lng, v.lat], JSON.parse(v.boundary) as Polygon)).map((v) => v.code)).toEqual([]);
  });

  test('every compound lies within its community and no two compounds overlap', () => {
    const rows = app.ctx.db
      .prepare('SELECT p.code, p.community_id, p.boundary, c.boundary AS community FROM compound p JOIN community c ON c.id = p.community_id')
      .all() as { code: string; community_id: number; boundary: string; community: string }[];
    const outside = rows.filter((r) => !booleanWithin(polygon((JSON.parse(r.boundary) as Polygon).coordinates), polygon((JSON.parse(r.community) as Polygon).coordinates)));
    expect(outside.map((r) => r.code)).toEqual([]);
    const overlapping: string[] = [];
    for (const a of rows) {
      const ga = JSON.parse(a.boundary) as Polygon;
      for (const b of rows) {
        if (a === b || a.community_id !== b.community_id) continue;
        const gb = JSON.parse(b.boundary) as Polygon;
        if (ga.coordinates[0].some((p) => booleanPointInPolygon(p, gb))) overlapping.push(`${a.code}/${b.code}`);
      }
    }
    expect(overlapping).toEqual([]);
  });

  test('the 12 sampling teams 第1采样队..第12采样队 each have a leader, 4-6 samplers and 4-6 registrars', () => {
    const teams = listTeams(app.ctx.db);
    expect(teams.map((t) => t.name)).toEqual(expect.arrayContaining(Array.from({ length: 12 }, (_, i) => `第${i + 1}采样队`)));
    for (const t of teams) {
      const roles = (role: string) => t.members.filter((m) => m.role === role).length;
      expect(roles('leader'), t.name).toBe(1);
      expect(roles('sampler'), t.name).toBeGreaterThanOrEqual(4);
      expect(roles('sampler'), t.name).toBeLessThanOrEqual(6);
      expect(roles('registrar'), t.name).toBeGreaterThanOrEqual(4);
      expect(roles('registrar'), t.name).toBeLessThanOrEqual(6);
      for (const m of t.members) expect(m.phone).toMatch(/^1\d{2}\*{4}\d{4}$/);
    }
    expect(summary.teamMembers).toBe(teams.reduce((s, t) => s + t.members.length, 0));
  });

  test('loading it a second time is refused and changes nothing', () => {
    const before = streetSummary(app.ctx.db);
    const changes = app.ctx.db.prepare('SELECT total_changes() AS n').get();
    let error: unknown;
    try {
      loadDemoStreet(app.ctx);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('conflict');
    expect((error as AppError).message).toContain('已有街道');
    expect(streetSummary(app.ctx.db)).toEqual(before);
    expect(app.ctx.db.prepare('SELECT total_changes() AS n').get()).toEqual(changes);
  });
});

describe('demo street edge cases', () => {
  test('is refused when our own street was already created', () => {
    const app = open(tempDir('own'));
    try {
      app.ctx.db.prepare("INSERT INTO street (id, code, name, is_fictional, created_at) VALUES (1, 'X', '某街道', 0, ?)").run(NOW);
      expect(() => loadDemoStreet(app.ctx)).toThrow(/已有街道/);
      expect(streetSummary(app.ctx.db).communities).toBe(0);
    } finally {
      app.close();
    }
  });

  test('a broken register line fails the whole load, naming the file and line, and leaves the database empty', () => {
    const resources = tempDir('broken-res');
    fs.cpSync(path.join(resourcesDir, 'demo'), path.join(resources, 'demo'), { recursive: true });
    const csv = path.join(resources, 'demo', 'residents.csv');
    const lines = fs.readFileSync(csv, 'utf8').split('\r\n');
    fs.appendFileSync(csv, 'NO-SUCH-COMPOUND,1栋,1-1-101,张三,男,1980,\r\n');
    const app = open(tempDir('broken'), resources);
    try {
      expect(() => loadDemoStreet(app.ctx)).toThrow(`residents.csv 第 ${lines.length} 行`);
      const s = streetSummary(app.ctx.db);
      expect([s.street, s.communities, s.compounds, s.venues, s.registeredResidents, s.teams]).toEqual([null, 0, 0, 0, 0, 0]);
    } finally {
      app.close();
    }
  });
});

describe('the demo generator', () => {
  test('writes byte-identical files on every run, equal to the committed resources/demo', () => {
    const a = tempDir('gen-a');
    const b = tempDir('gen-b');
    generateDemo(a);
    generateDemo(b);
    for (const f of DEMO_FILES) {
      const bytes = fs.readFileSync(path.join(a, f));
      expect(bytes.equals(fs.readFileSync(path.join(b, f))), f).toBe(true);
      expect(bytes.equals(fs.readFileSync(path.join(resourcesDir, 'demo', f))), `${f} differs from resources/demo: run npm run demo:generate`).toBe(true);
    }
  });

  test('says in every JSON file that the data is fictional; the register is Excel-style UTF-8 with BOM and CRLF', () => {
    for (const f of DEMO_FILES.filter((n) => n !== 'residents.csv')) expect(fs.readFileSync(path.join(resourcesDir, 'demo', f), 'utf8'), f).toContain('"fictional":');
    const csv = fs.readFileSync(path.join(resourcesDir, 'demo', 'residents.csv'));
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = csv.toString('utf8', 3);
    expect(text.startsWith('小区编码,楼栋,户号,姓名,性别,出生年份,电话\r\n')).toBe(true);
    expect(text.split('\r\n').filter(Boolean)).toHaveLength(100_001);
    expect(text.replace(/\r\n/g, '')).not.toContain('\n');
  });
});

import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { AppError } from '../../shared/api/errors';
import { areaGeometry } from '../../shared/api/common';
import type { StreetSummaryDto } from '../../shared/api/street';
import { venueTypeIds } from '../../shared/domain/venues';
import * as q from '../db/street';
import { insertCompound } from '../db/compounds';
import { insertVenue } from '../db/venues';
import { insertResident, markRegisterSourced, storeRegisterCounts, type ResidentFields } from '../db/population';
import { insertTeam } from '../db/teams';
import { insertOperator, listOperators } from '../db/operators';
import type { AppContext } from './context';
import { locatePoints, streetEditor, streetSummary } from './street';

/** Loads the fictional demo street (示例街道) from resources/demo, written by scripts/generate-demo.ts. */

const text = z.string().min(1);
const count = z.number().int().min(0);
const features = <P extends z.ZodType, G extends z.ZodType>(properties: P, geometry: G) =>
  z.object({ features: z.array(z.object({ properties, geometry })) });

const files = {
  street: { name: 'street.json', schema: z.object({ code: text, name: text, isFictional: z.literal(true), boundary: areaGeometry }) },
  communities: { name: 'communities.geojson', schema: features(z.object({ code: text, name: text }), areaGeometry) },
  grids: { name: 'grids.json', schema: z.array(z.object({ code: text, name: text, communityCode: text })) },
  compounds: {
    name: 'compounds.geojson',
    schema: features(
      z.object({ code: text, name: text, communityCode: text, gridCode: text.optional(), buildings: count.optional(), residents: count, households: count, elderly: count }),
      areaGeometry,
    ),
  },
  venues: {
    name: 'venues.geojson',
    schema: features(
      z.object({ code: text, name: text, type: z.enum(venueTypeIds), address: z.string().optional(), contact: z.string().optional() }),
      z.object({ type: z.literal('Point'), coordinates: z.tuple([z.number(), z.number()]) }),
    ),
  },
  teams: {
    name: 'teams.json',
    schema: z.object({
      teams: z.array(
        z.object({
          code: text,
          name: text,
          members: z.array(z.object({ name: text, role: z.enum(['leader', 'sampler', 'registrar', 'driver']), phone: z.string().nullable() })),
        }),
      ),
    }),
  },
  operators: {
    name: 'operators.json',
    schema: z.object({ operators: z.array(z.object({ name: text, phone: z.string().nullable(), isAdmin: z.boolean() })).max(20) }),
  },
};

const REGISTER = 'residents.csv';
const REGISTER_HEADER = ['小区编码', '楼栋', '户号', '姓名', '性别', '出生年份', '电话'];

function demoPath(ctx: AppContext, name: string): string {
  return path.join(ctx.resourcesDir, 'demo', name);
}

function readText(ctx: AppContext, name: string): string {
  const file = demoPath(ctx, name);
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    throw new AppError('not_found', `找不到示例街道文件 ${file}。请重新安装程序，或运行 npm run demo:generate。`);
  }
}

function readJson<S extends z.ZodType>(ctx: AppContext, f: { name: string; schema: S }): z.infer<S> {
  let raw: unknown;
  try {
    raw = JSON.parse(readText(ctx, f.name));
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw new AppError('internal', `示例街道文件 ${f.name} 不是有效的 JSON：${(err as Error).message}`);
  }
  const parsed = f.schema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new AppError('internal', `示例街道文件 ${f.name} 格式有误，字段 ${issue.path.join('.')}：${issue.message}`);
  }
  return parsed.data;
}

/** A resident as the demo register file names it: by compound code, with its line for messages. */
interface RegisterRow extends Omit<ResidentFields, 'compoundId'> {
  line: number;
  compoundCode: string;
}

/** The demo register is written by our own generator: plain comma-separated fields, no quoting. */
function readRegister(ctx: AppContext): RegisterRow[] {
  const lines = readText(ctx, REGISTER).replace(/^\uFEFF/, '').split(/\r?\n/);
  if (lines[0] !== REGISTER_HEADER.join(',')) throw new AppError('internal', `示例街道文件 ${REGISTER} 第 1 行表头应为 ${REGISTER_HEADER.join(',')}`);
  const rows: RegisterRow[] = [];
  for (let i = 1; i < lines.length; i++) {
    if (lines[i] === '') continue;
    const f = lines[i].split(',');
    const birthYear = Number(f[5]);
    if (f.length !== 7 || !f[0] || !f[2] || !f[3] || !Number.isInteger(birthYear)) {
      throw new AppError('internal', `示例街道文件 ${REGISTER} 第 ${i + 1} 行格式有误。`);
    }
    rows.push({
      line: i + 1,
      compoundCode: f[0],
      building: f[1] || null,
      household: f[2],
      name: f[3],
      sex: f[4] === '男' ? 'M' : f[4] === '女' ? 'F' : null,
      birthYear,
      phone: f[6] || null,
    });
  }
  return rows;
}

function idOf(map: Map<string, number>, code: string, what: string, file: string): number {
  const id = map.get(code);
  if (id === undefined) throw new AppError('internal', `示例街道文件 ${file} 引用了不存在的${what}编码 ${code}。`);
  return id;
}

export function loadDemoStreet(ctx: AppContext): StreetSummaryDto {
  const refuse = () => new AppError('conflict', '数据库中已有街道，不能再载入示例街道。示例街道只能载入空数据库（可换一个新的数据文件夹）。');
  if (q.getStreet(ctx.db)) throw refuse();

  const street = readJson(ctx, files.street);
  const communities = readJson(ctx, files.communities).features;
  const grids = readJson(ctx, files.grids);
  const compounds = readJson(ctx, files.compounds).features;
  const venues = readJson(ctx, files.venues).features;
  const teams = readJson(ctx, files.teams).teams;
  const operators = readJson(ctx, files.operators).operators;
  const register = readRegister(ctx);
  const now = ctx.now();
  const by = streetEditor(ctx); // whoever loads the demo street, or nobody
  const db = ctx.db;

  db.transaction(() => {
    if (q.getStreet(db)) throw refuse();
    q.insertStreet(db, { code: street.code, name: street.name, isFictional: true, boundary: street.boundary }, now);

    const communityIds = new Map<string, number>();
    for (const c of communities) communityIds.set(c.properties.code, q.insertCommunity(db, { ...c.properties, boundary: c.geometry }, now, by));

    const gridIds = new Map<string, number>();
    for (const g of grids) {
      const communityId = idOf(communityIds, g.communityCode, '社区', files.grids.name);
      gridIds.set(g.code, q.insertGrid(db, { code: g.code, name: g.name, communityId }, now, by));
    }

    const compoundIds = new Map<string, number>();
    for (const { properties: p, geometry } of compounds) {
      const communityId = idOf(communityIds, p.communityCode, '社区', files.compounds.name);
      const gridId = p.gridCode ? idOf(gridIds, p.gridCode, '网格', files.compounds.name) : null;
      compoundIds.set(p.code, insertCompound(db, { ...p, communityId, gridId, boundary: geometry }, now, by));
    }

    // Community and compound come from the point, as for a venue added by hand.
    const where = locatePoints(db, venues.map((v) => v.geometry.coordinates));
    venues.forEach(({ properties: p, geometry }, i) => {
      const [lng, lat] = geometry.coordinates;
      insertVenue(db, { ...p, lng, lat, communityId: where[i].communityId, compoundId: where[i].compoundId }, now, by);
    });

    for (const r of register) {
      const compoundId = compoundIds.get(r.compoundCode);
      if (compoundId === undefined) throw new AppError('internal', `示例街道文件 ${REGISTER} 第 ${r.line} 行：小区编码 ${r.compoundCode} 不存在。`);
      insertResident(db, { ...r, compoundId }, now);
    }
    // The demo's figures are counted from its register: say so, as a register import would.
    storeRegisterCounts(db, null, null);
    markRegisterSourced(db);

    for (const t of teams) insertTeam(db, t, now);

    // The desk's people, unless someone of that name was added already (operators may exist before the street).
    const taken = new Set(listOperators(db).map((o) => o.name));
    for (const o of operators) {
      if (!taken.has(o.name)) insertOperator(db, { name: o.name, phone: o.phone, isAdmin: o.isAdmin, active: true }, now, by);
    }
  })();

  return streetSummary(db);
}

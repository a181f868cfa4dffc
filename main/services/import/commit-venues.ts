import type { AppContext } from '../context';
import type { CoordinateSystem, ImportMapping, ImportResultDto } from '../../../shared/api/imports';
import { parseVenueType, venueTypes, type VenueType } from '../../../shared/domain/venues';
import { locatePoints, streetEditor } from '../street';
import { checkPoint, toWgs84, type GeometryNotes, type RawFeature } from './geojson';
import { resolveMapping } from './mapping';
import { Problems } from './problems';
import { textOf } from './values';
import { insertVenue, updateImportedVenue, venueIdsByCode } from '../../db/venues';

interface Args {
  file: string;
  columns: string[];
  features: RawFeature[];
  mapping: ImportMapping;
  crs: CoordinateSystem;
  notes?: GeometryNotes;
}

/** Key venues (重点场所) from GeoJSON points; each is placed in its compound and community by its point. */
export function commitVenues(ctx: AppContext, a: Args): ImportResultDto {
  const problems = new Problems(a.file);
  const m = resolveMapping('venues', a.mapping, a.columns, problems, {});
  problems.throwIfAny();
  const seen = new Map<string, number>();
  const rows: { code: string; name: string; type: VenueType; lng: number; lat: number; address: string | null; contact: string | null }[] = [];
  const opt = (f: RawFeature, id: 'address' | 'contact') => (m[id].index >= 0 ? textOf(f.properties[m[id].column]) || null : null);
  for (const f of a.features) {
    const at = { feature: f.index };
    if (!f.isFeature) problems.add({ ...at, field: 'type', message: '不是 GeoJSON Feature（type 应为 "Feature"）。' });
    const code = textOf(f.properties[m.code.column]);
    const name = textOf(f.properties[m.name.column]);
    const typeText = textOf(f.properties[m.type.column]);
    if (code === '') problems.add({ ...at, field: m.code.column, message: '编码为空。' });
    else if (seen.has(code)) {
      problems.add({ ...at, field: m.code.column, message: `编码“${code}”重复：要素 ${seen.get(code)} 与要素 ${f.index} 使用同一编码。` });
    } else seen.set(code, f.index);
    if (name === '') problems.add({ ...at, field: m.name.column, message: '名称为空。' });
    const type = parseVenueType(typeText);
    if (!type) {
      problems.add({ ...at, field: m.type.column, message: `场所类型“${typeText}”无法识别：应为 ${venueTypes.map((t) => t.zh).join('、')} 之一。` });
    }
    const p = checkPoint(f.geometry, f.index, problems, a.notes);
    if (p && type) {
      const [lng, lat] = toWgs84(p, a.crs);
      rows.push({ code, name, type, lng, lat, address: opt(f, 'address'), contact: opt(f, 'contact') });
    }
  }
  problems.throwIfAny();

  const where = locatePoints(ctx.db, rows.map((r) => [r.lng, r.lat]));
  const existing = venueIdsByCode(ctx.db);
  const now = ctx.now();
  const by = streetEditor(ctx);
  let inserted = 0;
  let updated = 0;
  ctx.db.transaction(() => {
    rows.forEach((r, i) => {
      const fields = { ...r, communityId: where[i].communityId, compoundId: where[i].compoundId };
      const id = existing.get(r.code);
      if (id !== undefined) {
        updateImportedVenue(ctx.db, id, fields, now, by);
        updated++;
      } else {
        insertVenue(ctx.db, fields, now, by);
        inserted++;
      }
    });
  })();
  return { kind: 'venues', rowsIn: a.features.length, inserted, updated };
}

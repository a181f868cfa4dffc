import { describe, expect, test } from 'vitest';
import { AppError } from '../../shared/api/errors';
import { findSyntaxError, maxJsonDepth, parseJsonFile } from '../../main/services/import/json';
import { declaredCrs, systemOf } from '../../main/services/import/crs';

function refusal(text: string): AppError {
  try {
    parseJsonFile(text, 'f.geojson');
  } catch (err) {
    if (err instanceof AppError) return err;
    throw err;
  }
  throw new Error('accepted');
}

/** No English from the JavaScript engine ("Unexpected token", "in JSON at position") may reach the user. */
const engineWords = /unexpected|expected|position|token|JSON input|property|after/i;

describe('JSON files: every refusal in Chinese, located', () => {
  test.each([
    ['a missing comma', '{\n  "type": "FeatureCollection"\n  "features": []\n}', 3, '应为属性值后的“,”或“}”'],
    ['a trailing comma', '{"features": [1, 2,]}', 1, '应为值'],
    ['single quotes', "{'type': 1}", 1, '用双引号括起的属性名'],
    ['NaN', '{"a": NaN}', 1, 'NaN'],
    ['a raw line break inside a string', '{"name": "东风\n社区"}', 1, '未转义的换行'],
    ['text after the end', '{"a": 1} x', 1, '多余的内容'],
    ['a bad escape', '{"a": "\\x"}', 1, '无效的转义'],
  ])('%s', (_what, text, line, reason) => {
    const err = refusal(text);
    expect(err.code).toBe('import_rejected');
    expect(err.message).toContain('不是有效的 JSON');
    expect(err.message).toContain(`第 ${line} 行第`);
    expect(err.message).toContain(reason);
    expect(err.message.replace(/f\.geojson|JSON|GeoJSON|NaN|Infinity|undefined|true|false|null/g, '')).not.toMatch(engineWords);
    expect(err.problems?.[0].line).toBe(line);
  });

  test('a truncated file says it is incomplete, where it ends, and how many brackets are still open', () => {
    const whole = JSON.stringify({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: { name: '东风社区' }, geometry: null }] }, null, 2);
    const cut = whole.slice(0, whole.indexOf('东风') + 1);
    const err = refusal(cut);
    expect(err.code).toBe('import_rejected');
    expect(err.message).toContain('文件不完整');
    expect(err.message).toContain('被截断');
    expect(err.message).toContain(`第 ${cut.split('\n').length} 行`);
    expect(err.message).toContain('还有 4 层对象或数组没有闭合');
    expect(err.message).not.toMatch(/Unexpected|end of JSON input/);
  });

  test('100,000 nested arrays: invalid_input naming the limit and where, never an internal stack overflow', () => {
    const deep = '{"type": "FeatureCollection", "features": ' + '['.repeat(100_000) + ']'.repeat(100_000) + '}';
    const err = refusal(deep);
    expect(err.code).toBe('invalid_input');
    expect(err.message).toContain('嵌套太深');
    expect(err.message).toContain(`${maxJsonDepth} 层`);
    expect(err.problems?.[0]).toMatchObject({ file: 'f.geojson', line: 1 });
  });

  test('brackets inside strings do not count as nesting; valid JSON has no syntax error', () => {
    const text = JSON.stringify({ note: '['.repeat(500) + '\\"{', features: [] });
    expect(parseJsonFile(text, 'f.geojson')).toEqual(JSON.parse(text));
    expect(findSyntaxError(text)).toBeNull();
    expect(findSyntaxError('{"a": [1, -2.5e3, true, false, null, "\\u4e1c"]}')).toBeNull();
  });
});

describe('the crs member of a GeoJSON file', () => {
  const named = (name: string) => ({ crs: { type: 'name', properties: { name } } });

  test.each([
    ['urn:ogc:def:crs:OGC:1.3:CRS84', 'wgs84'],
    ['urn:ogc:def:crs:OGC::CRS84', 'wgs84'],
    ['http://www.opengis.net/def/crs/OGC/1.3/CRS84', 'wgs84'],
    ['EPSG:4326', 'wgs84'],
    ['urn:ogc:def:crs:EPSG::4326', 'wgs84'],
    ['urn:ogc:def:crs:EPSG:6.6:4326', 'wgs84'],
    ['EPSG:4490', 'wgs84'],
    ['gcj02', 'gcj02'],
    ['GCJ-02', 'gcj02'],
    ['bd09ll', 'bd09'],
    ['BD-09', 'bd09'],
  ])('%s is read as %s', (name, system) => {
    expect(systemOf(name)).toBe(system);
    expect(declaredCrs(named(name), 'f.geojson')).toEqual({ name, system });
  });

  test("maptalks' cnCoordinateType and the old EPSG form are read too; no crs (or null) is null", () => {
    expect(declaredCrs({ crs: { type: 'cnCoordinateType', properties: { name: 'gcj02' } } }, 'f')).toEqual({ name: 'gcj02', system: 'gcj02' });
    expect(declaredCrs({ crs: { type: 'EPSG', properties: { code: 4326 } } }, 'f')).toEqual({ name: 'EPSG:4326', system: 'wgs84' });
    expect(declaredCrs({}, 'f')).toBeNull();
    expect(declaredCrs({ crs: null }, 'f')).toBeNull();
  });

  test('a projection in metres, a link, or an unknown name is refused with what is supported', () => {
    const message = (root: Record<string, unknown>) => {
      try {
        declaredCrs(root, 'f.geojson');
      } catch (err) {
        return (err as AppError).message;
      }
      return 'accepted';
    };
    expect(message(named('EPSG:3857'))).toContain('Web 墨卡托');
    expect(message(named('urn:ogc:def:crs:EPSG::4547'))).toContain('EPSG::4547');
    expect(message(named('urn:ogc:def:crs:EPSG::4547'))).toContain('支持的坐标系');
    expect(message({ crs: { type: 'link', properties: { href: 'http://example.com/crs' } } })).toContain('链接');
    expect(message(named('Beijing 1954'))).toContain('“Beijing 1954”无法识别');
  });
});

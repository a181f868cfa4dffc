import { describe, expect, test } from 'vitest';
import { z } from 'zod';
import { contract, methodNames } from '../../shared/api/contract';
import { cleanText, nameText, noteText, phoneText, textLimits } from '../../shared/api/text';
import { minEventTime } from '../../shared/api/time';

/** Issue 9: every free text a user can type is bounded and cleaned the same way, and every time has sane bounds. */

const issues = (schema: z.ZodType, value: unknown) => {
  const r = schema.safeParse(value);
  return r.success ? [] : r.error.issues.map((i) => i.message);
};

describe('typed text', () => {
  test('blank-looking text (zero-width, BOM, direction marks, control characters) counts as empty', () => {
    for (const blank of ['', '   ', '\u200b', '\u200b\u200c\u200d\u2060\ufeff', '\u200e\u200f \u3000', '\u0001\u0002', '\t\n']) {
      expect(cleanText(blank)).toBe('');
      expect(issues(nameText('名称'), blank)).toEqual(['名称不能为空']);
      expect(nameText.optional('联系人').parse(blank)).toBeNull();
    }
    // Joiners inside text are kept (emoji sequences, some scripts); only the ends are trimmed.
    expect(nameText('名称').parse('\u200b 👩\u200d🚒 消防站 \ufeff')).toBe('👩\u200d🚒 消防站');
  });

  test('control characters are refused with the field named; multi-line fields keep line breaks and tabs', () => {
    expect(issues(nameText('名称'), '东苑\u0000社区')).toEqual(['名称不能包含换行或控制字符']);
    expect(issues(nameText('名称'), '东苑\n社区')).toEqual(['名称不能包含换行或控制字符']);
    expect(issues(nameText('名称'), '东苑\u009b社区')).toEqual(['名称不能包含换行或控制字符']);
    expect(noteText('备注').parse('第一行\r\n\t第二行')).toBe('第一行\r\n\t第二行');
    expect(issues(noteText('备注'), '第一行\u001b[31m红')).toEqual(['备注不能包含控制字符（换行和制表符除外）']);
    expect(issues(nameText('名称'), 'a\ud800b')).toEqual(['名称含有无效的字符']);
  });

  test('the limit is stated in Chinese; a huge string is refused by its length alone', () => {
    expect(issues(nameText('名称'), '名'.repeat(100))).toEqual([]);
    expect(issues(nameText('名称'), '名'.repeat(101))).toEqual(['名称不能超过 100 个字']);
    // Padding is trimmed before counting, so a pasted name with spaces around it still fits.
    expect(issues(nameText('名称'), ` ${'名'.repeat(100)} `)).toEqual([]);
    const huge = 'x'.repeat(60 * 1024 * 1024);
    const started = performance.now();
    expect(issues(phoneText.optional('电话'), huge)).toEqual(['电话不能超过 40 个字']);
    // A hang guard, not a benchmark: cleaning 60 MB would take far longer than checking its length.
    expect(performance.now() - started).toBeLessThan(1000);
    expect(issues(phoneText.optional('电话'), '138 0000 0000')).toEqual([]);
    expect(issues(phoneText.optional('电话'), '138x')).toEqual(['电话只能包含数字、空格和 + - ( )']);
  });

  test('a venue address of 1 MB is refused (one of 60 MB was stored and answered back by listVenues)', () => {
    const venue = { code: 'V1', name: '某超市', type: 'supermarket', lng: 106.5, lat: 29.5 };
    expect(issues(contract.saveVenue.input, { ...venue, address: '路'.repeat(1024 * 1024) })).toEqual(['地址不能超过 200 个字']);
    expect(contract.saveVenue.input.parse({ ...venue, address: ' \u200b ', contact: '张经理 13800000000' })).toMatchObject({ address: null, contact: '张经理 13800000000' });
  });
});

type JsonSchema = { type?: string | string[]; maxLength?: number; pattern?: string; enum?: unknown[]; const?: unknown; minimum?: number; [k: string]: unknown };

/** Every node of a JSON Schema with its path (properties by name, array items as []). */
function* nodes(s: unknown, path: string): Generator<[string, JsonSchema]> {
  if (!s || typeof s !== 'object') return;
  const node = s as JsonSchema;
  yield [path, node];
  for (const [k, v] of Object.entries(node.properties ?? {})) yield* nodes(v, `${path}.${k}`);
  for (const key of ['anyOf', 'oneOf', 'allOf', 'prefixItems'] as const) for (const v of (node[key] as unknown[] | undefined) ?? []) yield* nodes(v, path);
  if (node.items) yield* nodes(node.items, `${path}[]`);
  if (node.additionalProperties && typeof node.additionalProperties === 'object') yield* nodes(node.additionalProperties, `${path}{}`);
  if (node.propertyNames) yield* nodes(node.propertyNames, `${path}{key}`);
}
const hasType = (n: JsonSchema, t: string) => n.type === t || (Array.isArray(n.type) && n.type.includes(t));
/** A pattern that pins the whole string with bounded repeats (a PIN: ^\d{4,8}$) bounds its length too. */
const boundedPattern = (p: string | undefined) => !!p && p.startsWith('^') && p.endsWith('$') && !/[*+]|\{\d+,\}/.test(p);

describe('the contract', () => {
  const inputs = methodNames.map((m) => [m, z.toJSONSchema(contract[m].input, { unrepresentable: 'any', io: 'input' })] as const);

  test('every string a method takes has a maximum length', () => {
    const unbounded: string[] = [];
    for (const [m, schema] of inputs) {
      for (const [path, n] of nodes(schema, m)) {
        if (!hasType(n, 'string') || n.enum || n.const !== undefined) continue;
        if (n.maxLength === undefined && !boundedPattern(n.pattern)) unbounded.push(path);
      }
    }
    // An import file is measured by the service before it is decoded, and refused with the 50 MB limit in words.
    expect(unbounded.sort()).toEqual(['commitImport.contentBase64', 'importRiskAreas.contentBase64', 'previewImport.contentBase64']);
  });

  test('free-text limits are the ones stated in shared/api/text.ts', () => {
    const max = (m: keyof typeof contract, ...path: string[]) => {
      let n = z.toJSONSchema(contract[m].input, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
      for (const p of path) n = (n.properties as Record<string, JsonSchema>)[p];
      const options = (n.anyOf as JsonSchema[] | undefined) ?? [n];
      return options.find((o) => hasType(o, 'string'))?.maxLength;
    };
    expect(max('saveVenue', 'address')).toBe(textLimits.address);
    expect(max('saveVenue', 'name')).toBe(textLimits.name);
    expect(max('saveVenue', 'code')).toBe(textLimits.code);
    expect(max('saveOperator', 'name')).toBe(textLimits.personName);
    expect(max('saveOperator', 'phone')).toBe(textLimits.phone);
    expect(max('addLogEntry', 'text')).toBe(textLimits.logText);
    expect(max('correctLogEntry', 'reason')).toBe(textLimits.reason);
    expect(max('handOver', 'note')).toBe(textLimits.note);
    expect(max('switchToEmergency', 'place')).toBe(textLimits.address);
  });

  test('every time a method takes is bounded to the years 2000 to 2999', () => {
    const times: string[] = [];
    for (const [m, schema] of inputs) {
      for (const [path, n] of nodes(schema, m)) {
        const key = path.slice(path.lastIndexOf('.') + 1);
        if (!/^(at|from|to)$|At$/.test(key) || !(hasType(n, 'number') || hasType(n, 'integer'))) continue;
        times.push(path);
        expect(n.minimum, path).toBe(minEventTime);
      }
    }
    expect(times).toEqual(expect.arrayContaining(['addLogEntry.at', 'switchToEmergency.reportedAt', 'correctT0.reportedAt', 'listLogEntries.from', 'exportLogCsv.to']));
  });
});

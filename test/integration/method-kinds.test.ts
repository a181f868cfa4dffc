import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { z } from 'zod';
import { dispatch, describeApi } from '../../main/api/dispatch';
import { handlers } from '../../main/api/handlers';
import { contract, featureOf, type MethodName } from '../../shared/api/contract';
import { combineFeatures, defineFeature, read, write } from '../../shared/api/define';
import { openTestApp, signedIn, type TestApp } from './mode-harness';

/** Issue 7.1: what a method does is declared in the contract, and the dispatcher acts on the declaration alone. */

const count = (t: TestApp, table: string) => (t.app.ctx.db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;

describe('declared method kinds', () => {
  let t: TestApp;
  beforeEach(async () => {
    t = openTestApp();
    await signedIn(t);
    await t.ok('createStreet', { code: 'S1', name: '测试街道' });
  });
  afterEach(() => t.close());

  test('every method declares a kind; changes name what they invalidate (always the log), reads invalidate nothing', () => {
    for (const [name, spec] of Object.entries(contract)) {
      expect(['read', 'write', 'selfLogged', 'job'], name).toContain(spec.kind);
      if (spec.kind === 'read') expect(spec.invalidates, name).toEqual([]);
      else expect(spec.invalidates, name).toContain('log');
    }
    // Names do not decide: these reads and writes would have been misfiled by a name pattern.
    expect(contract.handOver.kind).toBe('selfLogged');
    expect(contract.swapDuty.kind).toBe('write');
    expect(contract.exportLogCsv.kind).toBe('read');
  });

  test('every change invalidates its own feature, so a new write refreshes at least what it belongs to', () => {
    const changes = (Object.keys(contract) as MethodName[]).filter((m) => contract[m].kind !== 'read');
    expect(changes.filter((m) => !contract[m].invalidates.includes(featureOf[m]))).toEqual([]);
  });

  test('GET /api describes each method with its feature, kind and what it invalidates', () => {
    const api = describeApi();
    expect(api).toHaveLength(Object.keys(contract).length);
    expect(api.find((m) => m.method === 'saveCompound')).toMatchObject({ feature: 'street', kind: 'write', invalidates: ['street', 'log'] });
    expect(api.find((m) => m.method === 'getDutyRoster')).toMatchObject({ feature: 'duty', kind: 'read', invalidates: [] });
    expect(featureOf.tickChecklistItem).toBe('checklist');
  });

  test('a method name defined in two features is refused when the contract is combined', () => {
    const a = defineFeature('street', { listThings: read('x', z.object({}), z.object({})) });
    const b = defineFeature('duty', { listThings: write('y', z.object({}), z.object({}), ['duty']) });
    expect(() => combineFeatures([a, b])).toThrow('API method listThings is defined twice: in feature street and in feature duty');
  });

  test('a write whose log entry cannot be written is rolled back, and the caller is told', async () => {
    const before = count(t, 'community');
    t.app.ctx.db.exec("CREATE TEMP TRIGGER no_log BEFORE INSERT ON event_log BEGIN SELECT RAISE(ABORT, 'log is full'); END");
    const r = await dispatch(t.app.ctx, 'saveCommunity', { code: 'C01', name: '民主村社区' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toMatch(/log is full/);
    expect(count(t, 'community')).toBe(before);
    t.app.ctx.db.exec('DROP TRIGGER no_log');
    expect((await dispatch(t.app.ctx, 'saveCommunity', { code: 'C01', name: '民主村社区' })).ok).toBe(true);
    expect(count(t, 'community')).toBe(before + 1);
  });

  test('a self-logged change whose own entry fails is rolled back too (it runs in the dispatcher transaction)', async () => {
    const op = await t.ok('saveOperator', { name: '李值班' });
    t.app.ctx.db.exec("CREATE TEMP TRIGGER no_log BEFORE INSERT ON event_log BEGIN SELECT RAISE(ABORT, 'log is full'); END");
    const r = await dispatch(t.app.ctx, 'handOver', { toOperatorId: op.id, note: '交班' });
    expect(r.ok).toBe(false);
    t.app.ctx.db.exec('DROP TRIGGER no_log');
    expect((await t.ok('getDesk', {})).operator?.name).toBe('王值班');
  });

  describe('answers are checked against the output schema in tests and development', () => {
    const original = { ...handlers };
    afterEach(() => Object.assign(handlers, original));
    const replace = (m: MethodName, fn: unknown) => Object.assign(handlers, { [m]: fn });

    test('a read answering outside its contract is an internal error naming the method and field', async () => {
      replace('getStreetSummary', () => ({ communities: 'many' }));
      const r = await dispatch(t.app.ctx, 'getStreetSummary', {});
      expect(r).toMatchObject({ ok: false, error: { code: 'internal' } });
      if (!r.ok) expect(r.error.message).toMatch(/getStreetSummary answered outside its contract: .*communities: Invalid input: expected number, received string/);
    });

    test('a write answering outside its contract rolls its change back', async () => {
      const save = original.saveCommunity;
      replace('saveCommunity', (i: never, ctx: never) => ({ ...(save(i, ctx) as object), code: 42 }));
      const before = count(t, 'community');
      const r = await dispatch(t.app.ctx, 'saveCommunity', { code: 'C09', name: '某社区' });
      expect(r.ok).toBe(false);
      expect(count(t, 'community')).toBe(before);
    });

    test('with checking off (the packaged app) the same answer passes through', async () => {
      replace('getStreetSummary', () => ({ communities: 'many' }));
      t.app.ctx.checkOutputs = false;
      expect(await dispatch(t.app.ctx, 'getStreetSummary', {})).toEqual({ ok: true, value: { communities: 'many' } });
    });
  });
});

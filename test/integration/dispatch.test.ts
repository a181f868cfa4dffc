import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { dispatch } from '../../main/api/dispatch';
import { handlers } from '../../main/api/handlers';
import { contract } from '../../shared/api/contract';
import { openApp, type OpenedApp } from '../../main/services/app';
import { signInAt } from './mode-harness';

describe('the API dispatcher', () => {
  let app: OpenedApp;
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sc-dispatch-'));
    app = openApp({ dataDir: dir, resourcesDir: path.resolve('resources'), shell: 'host', version: 'test' });
    signInAt(app.ctx);
  });
  afterAll(() => {
    app.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test('every method in the contract has a handler, and no handler is outside the contract', () => {
    expect(Object.keys(handlers).sort()).toEqual(Object.keys(contract).sort());
  });

  test('parses input with the schema and names the failing field', async () => {
    const r = await dispatch(app.ctx, 'saveVenue', { code: 'V1', name: '某超市', type: 'supermarket', lng: 106.5, lat: 129.5 });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('invalid_input');
      expect(r.error.message).toMatch(/^lat: 纬度须在 -90 到 90 之间/);
    }
  });

  test('turns a service error into a coded result and writes nothing', async () => {
    await dispatch(app.ctx, 'createStreet', { code: 'S1', name: '测试街道' });
    const again = await dispatch(app.ctx, 'createStreet', { code: 'S2', name: '另一个街道' });
    expect(again).toEqual({ ok: false, error: expect.objectContaining({ code: 'conflict' }) });
    const info = await dispatch(app.ctx, 'getAppInfo', {});
    expect(info.ok && (info.value as { street: { name: string } }).street.name).toBe('测试街道');
  });

  test('a compound in a missing community answers not_found, with a message and no stack trace', async () => {
    const r = await dispatch(app.ctx, 'saveCompound', { code: 'C1', name: '某小区', communityId: 999, residents: 1, households: 1, elderly: 0 });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('not_found');
      expect(r.error.message).not.toMatch(/\n\s+at /);
    }
  });
});

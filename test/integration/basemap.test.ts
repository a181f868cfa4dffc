import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type http from 'node:http';
import Database from 'better-sqlite3';
import { openApp, type OpenedApp } from '../../main/services/app';
import { signInAt } from './mode-harness';
import { dispatch } from '../../main/api/dispatch';
import { closeAll, notMbtilesMessage, openBaseMap } from '../../main/services/basemap';
import { createHostServer, newHostKeys } from '../../main/host/server';
import type { BaseMapDto } from '../../shared/api/basemap';
import { solidPng, writeMbtiles } from '../fixtures/mbtiles';

const red = solidPng(4, [200, 40, 40]);
const blue = solidPng(4, [40, 40, 200]);

describe('MBTiles base map', () => {
  let dir: string;
  let app: OpenedApp;
  let good: string;

  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sc-basemap-'));
    app = openApp({ dataDir: path.join(dir, 'data'), resourcesDir: path.join(dir, 'res'), shell: 'host', version: 'test' });
    signInAt(app.ctx);
    // Two tiles at zoom 1: (x 0, y 0) is the north-west quarter, (x 0, y 1) the south-west one.
    good = writeMbtiles(
      path.join(dir, '示例底图.mbtiles'),
      { name: '示例底图', format: 'png', minzoom: '1', maxzoom: '1', bounds: '106.45,29.50,106.55,29.56' },
      [
        { z: 1, x: 0, y: 0, data: red },
        { z: 1, x: 0, y: 1, data: blue },
      ],
    );
  });
  afterAll(() => {
    closeAll();
    app?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const call = async (method: string, input: unknown) => dispatch(app.ctx, method, input);

  test('no base map configured: getBaseMap is all null and no tile source', async () => {
    const r = await call('getBaseMap', {});
    expect(r).toEqual({ ok: true, value: { file: null, format: null, minZoom: null, maxZoom: null, bounds: null, name: null, problem: null } });
    expect(openBaseMap(app.ctx)).toBeNull();
  });

  test('a valid file is accepted, its metadata shown, its path stored in the setting table', async () => {
    const r = await call('setBaseMap', { file: good });
    expect(r.ok).toBe(true);
    const v = (r as { value: BaseMapDto }).value;
    expect(v).toMatchObject({ file: good, format: 'png', minZoom: 1, maxZoom: 1, name: '示例底图', problem: null });
    expect(v.bounds).toEqual([106.45, 29.5, 106.55, 29.56]);
    const stored = app.ctx.db.prepare("SELECT value FROM setting WHERE key = 'baseMapFile'").get() as { value: string };
    expect(JSON.parse(stored.value)).toBe(good);
    expect(((await call('getBaseMap', {})) as { value: BaseMapDto }).value.file).toBe(good);
  });

  test('tiles are served with the TMS row flip and the content type of the format', () => {
    const source = openBaseMap(app.ctx)!;
    expect(source).not.toBeNull();
    const north = source.tile(1, 0, 0)!;
    expect(north.contentType).toBe('image/png');
    expect(north.data.equals(red)).toBe(true);
    expect(source.tile(1, 0, 1)!.data.equals(blue)).toBe(true);
    expect(source.tile(1, 1, 0)).toBeNull(); // not in the file
    expect(source.tile(1, 0, 2)).toBeNull(); // outside zoom 1
    expect(source.tile(-1, 0, 0)).toBeNull();
  });

  test('jpg and webp files answer with their own content type; a file without a format is recognised by its bytes', async () => {
    const jpg = writeMbtiles(path.join(dir, 'photo.mbtiles'), { name: 'photo', format: 'jpeg' }, [{ z: 0, x: 0, y: 0, data: Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0]) }]);
    expect(((await call('setBaseMap', { file: jpg })) as { value: BaseMapDto }).value.format).toBe('jpg');
    expect(openBaseMap(app.ctx)!.tile(0, 0, 0)!.contentType).toBe('image/jpeg');
    const webpBytes = Buffer.concat([Buffer.from('RIFF'), Buffer.alloc(4), Buffer.from('WEBPVP8 ')]);
    const webp = writeMbtiles(path.join(dir, 'nofmt.mbtiles'), { name: 'nofmt' }, [{ z: 0, x: 0, y: 0, data: webpBytes }]);
    const v = ((await call('setBaseMap', { file: webp })) as { value: BaseMapDto }).value;
    expect(v).toMatchObject({ format: 'webp', minZoom: 0, maxZoom: 0, bounds: null });
    expect(openBaseMap(app.ctx)!.tile(0, 0, 0)!.contentType).toBe('image/webp');
  });

  test('a file that is not a database is refused with a message naming it; the previous choice stays', async () => {
    await call('setBaseMap', { file: good });
    const notDb = path.join(dir, 'notes.mbtiles');
    fs.writeFileSync(notDb, '这不是数据库 '.repeat(200));
    const r = await call('setBaseMap', { file: notDb });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('invalid_input');
    expect(r.error.message).toBe(`${notMbtilesMessage}：${notDb}。`);
    expect(((await call('getBaseMap', {})) as { value: BaseMapDto }).value.file).toBe(good);
  });

  test('an SQLite file without a tiles table, a missing file and a folder get the one answer; a vector MBTiles says why', async () => {
    const plain = path.join(dir, 'plain.sqlite');
    const db = new Database(plain);
    db.exec("CREATE TABLE metadata (name TEXT, value TEXT); INSERT INTO metadata VALUES ('format', 'png');");
    db.close();
    const noTiles = await call('setBaseMap', { file: plain });
    expect(noTiles.ok).toBe(false);
    expect(!noTiles.ok && noTiles.error.message).toBe(`${notMbtilesMessage}：${plain}。`);

    const vector = writeMbtiles(path.join(dir, 'vector.mbtiles'), { format: 'pbf' }, [{ z: 0, x: 0, y: 0, data: Buffer.from([1, 2]) }]);
    const v = await call('setBaseMap', { file: vector });
    expect(!v.ok && v.error.message).toMatch(/pbf.*仅支持栅格瓦片/);

    const missing = path.join(dir, 'missing.mbtiles');
    const gone = await call('setBaseMap', { file: missing });
    expect(!gone.ok && gone.error).toMatchObject({ code: 'invalid_input', message: `${notMbtilesMessage}：${missing}。` });

    const folder = await call('setBaseMap', { file: dir });
    expect(!folder.ok && folder.error).toMatchObject({ code: 'invalid_input', message: `${notMbtilesMessage}：${dir}。` });
  });

  test('a configured file that later disappears is reported by getBaseMap and serves no tiles', async () => {
    const temp = writeMbtiles(path.join(dir, 'temp.mbtiles'), { format: 'png' }, [{ z: 0, x: 0, y: 0, data: red }]);
    await call('setBaseMap', { file: temp });
    closeAll();
    fs.rmSync(temp);
    const v = ((await call('getBaseMap', {})) as { value: BaseMapDto }).value;
    expect(v.file).toBe(temp);
    expect(v.problem).toContain('temp.mbtiles');
    expect(openBaseMap(app.ctx)).toBeNull();
  });

  test('setBaseMap null removes the base map', async () => {
    await call('setBaseMap', { file: good });
    const r = await call('setBaseMap', { file: null });
    expect((r as { value: BaseMapDto }).value.file).toBeNull();
    expect(openBaseMap(app.ctx)).toBeNull();
  });

  describe('over the browser host', () => {
    let server: http.Server;
    let origin: string;
    const keys = newHostKeys();
    beforeAll(async () => {
      await call('setBaseMap', { file: good });
      server = createHostServer({ ctx: app.ctx, rendererDir: path.join(dir, 'renderer'), keys, tiles: () => openBaseMap(app.ctx) });
      await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
      origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    });
    afterAll(async () => {
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
    });

    test('/tiles needs the tile key (not the API key)', async () => {
      expect((await fetch(`${origin}/tiles/1/0/0`)).status).toBe(401);
      expect((await fetch(`${origin}/tiles/1/0/0?key=wrong`)).status).toBe(401);
      expect((await fetch(`${origin}/tiles/1/0/0?key=${keys.api}`)).status).toBe(401);
      expect((await fetch(`${origin}/tiles/1/0/0`, { headers: { Authorization: `Bearer ${keys.api}` } })).status).toBe(401);
    });

    test('/tiles/{z}/{x}/{y} answers the PNG in XYZ order with its content type, 404 where there is no tile', async () => {
      const res = await fetch(`${origin}/tiles/1/0/1?key=${keys.tiles}`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('image/png');
      expect(Buffer.from(await res.arrayBuffer()).equals(blue)).toBe(true);
      expect((await fetch(`${origin}/tiles/1/1/1?key=${keys.tiles}`)).status).toBe(404);
    });
  });
});

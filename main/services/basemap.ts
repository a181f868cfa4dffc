import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { AppError } from '../../shared/api/errors';
import type { BaseMapDto, TileFormat } from '../../shared/api/basemap';
import type { Db } from '../db/open';
import * as mbtiles from '../db/mbtiles';
import { deleteSetting, getSetting, putSetting } from '../db/settings';
import type { AppContext } from './context';

export interface TileSource {
  tile(z: number, x: number, y: number): { data: Buffer; contentType: string } | null;
}

/** What an MBTiles file says about itself, after it passed the checks in `inspectMbtiles`. */
interface MbtilesInfo {
  format: TileFormat;
  minZoom: number;
  maxZoom: number;
  bounds: [number, number, number, number] | null;
  name: string;
}

const settingKey = 'baseMapFile';
const contentTypes: Record<TileFormat, string> = { png: 'image/png', jpg: 'image/jpeg', webp: 'image/webp' };

interface OpenTiles {
  db: Database.Database;
  info: MbtilesInfo;
  source: TileSource;
}

/** One read-only connection per file, kept open: the host asks for a tile per request. */
const cache = new Map<string, OpenTiles>();

/** The optional raster base map from a local MBTiles file, or null when none is configured or it cannot be opened. */
export function openBaseMap(ctx: AppContext): TileSource | null {
  const file = configuredFile(ctx.db);
  if (!file) return null;
  try {
    return openCached(file).source;
  } catch {
    return null; // getBaseMap reports the problem to the user
  }
}

export function getBaseMap(ctx: AppContext): BaseMapDto {
  const file = configuredFile(ctx.db);
  if (!file) return describe(null, null, null);
  try {
    return describe(file, openCached(file).info, null);
  } catch (err) {
    return describe(file, null, err instanceof AppError ? err.message : (err as Error).message);
  }
}

/** Checks the file is a raster MBTiles database before storing its path; `null` removes the base map. */
export function setBaseMap(ctx: AppContext, input: { file: string | null }): BaseMapDto {
  if (input.file === null) {
    deleteSetting(ctx.db, settingKey);
    closeAll();
    return describe(null, null, null);
  }
  const file = path.resolve(input.file);
  closeAll(); // a file replaced on disk at the same path is read afresh
  const opened = openCached(file);
  putSetting(ctx.db, settingKey, file);
  return describe(file, opened.info, null);
}

/** Closes every cached MBTiles connection (on shutdown, or when the setting changes). */
export function closeAll(): void {
  for (const t of cache.values()) t.db.close();
  cache.clear();
}

function configuredFile(db: Db): string | null {
  const value = getSetting(db, settingKey);
  return typeof value === 'string' && value ? value : null;
}

function describe(file: string | null, info: MbtilesInfo | null, problem: string | null): BaseMapDto {
  return {
    file,
    format: info?.format ?? null,
    minZoom: info?.minZoom ?? null,
    maxZoom: info?.maxZoom ?? null,
    bounds: info?.bounds ?? null,
    name: info?.name ?? null,
    problem,
  };
}

function openCached(file: string): OpenTiles {
  const hit = cache.get(file);
  if (hit) return hit;
  const db = openReadOnly(file);
  try {
    const info = inspectMbtiles(db, file);
    // Compiles (and caches) the tile query now, so a tiles table without the MBTiles columns is refused here, not per tile.
    mbtiles.tileAt(db, 0, 0, 0);
    const contentType = contentTypes[info.format];
    const source: TileSource = {
      tile(z, x, y) {
        if (!Number.isInteger(z) || z < 0 || z > 30) return null;
        const n = 2 ** z;
        if (!Number.isInteger(x) || !Number.isInteger(y) || x < 0 || y < 0 || x >= n || y >= n) return null;
        // MBTiles rows count from the south (TMS); the map asks in XYZ, counting from the north.
        const data = mbtiles.tileAt(db, z, x, n - 1 - y);
        return data ? { data, contentType } : null;
      },
    };
    const opened = { db, info, source };
    cache.set(file, opened);
    return opened;
  } catch (err) {
    db.close();
    throw err;
  }
}

/**
 * The one answer for a path that is not a usable MBTiles file, whatever the reason: missing, a folder, a FIFO or
 * device, unreadable, not SQLite, no tiles table. Separate messages would let any caller of setBaseMap probe which
 * paths on the machine exist, are folders or are readable (system files included).
 */
export const notMbtilesMessage = '不是有效的 MBTiles 文件';
const notMbtiles = (file: string, detail?: string) =>
  new AppError('invalid_input', `${notMbtilesMessage}：${file}${detail ? `（${detail}）` : ''}。`);

const sqliteHeader = Buffer.from('SQLite format 3\0', 'latin1');

/** How long a read may wait on a base-map file that another program holds locked. */
const busyWaitMs = 2000;

/**
 * Opens a base-map file read-only, regular files only. The first open is non-blocking, so a FIFO or device (which
 * would block `open(2)` forever) is seen by fstat and refused without waiting; SQLite opens the path only after it
 * was seen to be a regular SQLite file, and the result must still be that same file (dev/inode). Left: a path swapped
 * for a FIFO in the moment between those two opens, by someone who can write to its folder.
 */
function openReadOnly(file: string): Database.Database {
  let checked: fs.Stats;
  let fd: number;
  try {
    fd = fs.openSync(file, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0) | (fs.constants.O_NOCTTY ?? 0));
  } catch {
    throw notMbtiles(file);
  }
  try {
    checked = fs.fstatSync(fd);
    if (!checked.isFile()) throw notMbtiles(file);
    const head = Buffer.alloc(sqliteHeader.length);
    if (fs.readSync(fd, head, 0, head.length, 0) !== head.length || !head.equals(sqliteHeader)) throw notMbtiles(file);
  } catch (err) {
    throw err instanceof AppError ? err : notMbtiles(file);
  } finally {
    fs.closeSync(fd);
  }
  let db: Database.Database;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true, timeout: busyWaitMs });
  } catch {
    throw notMbtiles(file);
  }
  let now: fs.Stats | null = null;
  try {
    now = fs.statSync(file);
  } catch {
    /* gone meanwhile: refused below */
  }
  if (!now || now.dev !== checked.dev || now.ino !== checked.ino) {
    db.close();
    throw notMbtiles(file);
  }
  return db;
}

/** Reads the metadata of an MBTiles file, or throws the one not-an-MBTiles answer (with a detail only once the file has the MBTiles tables). */
function inspectMbtiles(db: Database.Database, file: string): MbtilesInfo {
  try {
    const names = mbtiles.tableNames(db);
    if (!names.includes('metadata') || !names.includes('tiles')) throw notMbtiles(file);
    const meta = mbtiles.metadata(db);
    const format = tileFormatOf(db, file, meta.get('format'));
    const zooms = mbtiles.zoomRange(db);
    if (zooms.lo === null || zooms.hi === null) throw notMbtiles(file, '其中没有任何瓦片');
    return {
      format,
      minZoom: intOr(meta.get('minzoom'), zooms.lo),
      maxZoom: intOr(meta.get('maxzoom'), zooms.hi),
      bounds: parseBounds(meta.get('bounds')),
      name: meta.get('name')?.trim() || path.basename(file),
    };
  } catch (err) {
    // Not SQLite after all, corrupt, or tables of another shape: the same one answer.
    throw err instanceof AppError ? err : notMbtiles(file);
  }
}

function tileFormatOf(db: Database.Database, file: string, declared: string | undefined): TileFormat {
  const f = declared?.trim().toLowerCase();
  if (f === 'png' || f === 'webp') return f;
  if (f === 'jpg' || f === 'jpeg') return 'jpg';
  if (f) throw notMbtiles(file, `瓦片格式为 ${declared}，仅支持栅格瓦片 png、jpg、webp`);
  // No format in the metadata (older files): look at the first tile's bytes.
  const sample = mbtiles.firstTile(db);
  const sniffed = sample ? sniffFormat(sample) : null;
  if (!sniffed) throw notMbtiles(file, '未注明瓦片格式，且无法从瓦片内容识别，仅支持 png、jpg、webp');
  return sniffed;
}

function sniffFormat(data: Buffer): TileFormat | null {
  if (data.length >= 8 && data.readUInt32BE(0) === 0x89504e47) return 'png';
  if (data.length >= 3 && data[0] === 0xff && data[1] === 0xd8 && data[2] === 0xff) return 'jpg';
  if (data.length >= 12 && data.toString('ascii', 0, 4) === 'RIFF' && data.toString('ascii', 8, 12) === 'WEBP') return 'webp';
  return null;
}

function intOr(text: string | undefined, fallback: number): number {
  const n = Number(text);
  return text !== undefined && text.trim() !== '' && Number.isInteger(n) ? n : fallback;
}

function parseBounds(text: string | undefined): [number, number, number, number] | null {
  if (!text) return null;
  const n = text.split(',').map((s) => Number(s.trim()));
  if (n.length !== 4 || n.some((v) => !Number.isFinite(v))) return null;
  const [w, s, e, north] = n;
  if (w < -180 || e > 180 || s < -90 || north > 90 || w >= e || s >= north) return null;
  return [w, s, e, north];
}

import fs from 'node:fs';
import path from 'node:path';

/**
 * Where the desktop app keeps its data: `<userData>/data` unless `<userData>/location.json` names another folder.
 * "选择数据文件夹" writes location.json; the new folder is used from the next start, so the open database
 * never changes under a running app.
 */
const locationFileName = 'location.json';

export interface DataFolderChoice {
  dataDir: string;
  /** Set when location.json exists but cannot be used; the default folder is used and this says why. */
  problem?: string;
}

export function defaultDataDir(userData: string): string {
  return path.join(userData, 'data');
}

export function locationFile(userData: string): string {
  return path.join(userData, locationFileName);
}

export function resolveDataDir(userData: string): DataFolderChoice {
  const file = locationFile(userData);
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    return { dataDir: defaultDataDir(userData) };
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { dataDir: defaultDataDir(userData), problem: `${file} 不是有效的 JSON，已改用默认数据文件夹。` };
  }
  const dataDir = (parsed as { dataDir?: unknown } | null)?.dataDir;
  if (typeof dataDir !== 'string' || !path.isAbsolute(dataDir)) {
    return { dataDir: defaultDataDir(userData), problem: `${file} 的字段 dataDir 必须是绝对路径，已改用默认数据文件夹。` };
  }
  return { dataDir: path.normalize(dataDir) };
}

/** Records the folder to use from the next start. */
export function saveDataDirChoice(userData: string, dataDir: string): void {
  if (!path.isAbsolute(dataDir)) throw new Error(`数据文件夹必须是绝对路径：${dataDir}`);
  fs.mkdirSync(userData, { recursive: true });
  const file = locationFile(userData);
  const tmp = `${file}.tmp`;
  fs.writeFileSync(tmp, JSON.stringify({ dataDir: path.normalize(dataDir) }, null, 2));
  fs.renameSync(tmp, file);
}

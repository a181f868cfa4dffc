import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AppError } from '../../shared/api/errors';
import { formatDateTime } from '../../shared/domain/shanghai-time';
import { ensurePrivateFile, privateDirMode, privateFileMode } from './private-files';

interface LockInfo {
  pid: number;
  host: string;
  kind: string;
  startedAt: number;
}

/**
 * Takes the data folder for this process. A second copy of the app or host on the same folder is refused
 * with a clear message; a lock left by a killed process (its pid is gone) is taken over.
 * Returns the release function.
 */
export function lockDataFolder(dir: string, kind: 'desktop' | 'host'): () => void {
  fs.mkdirSync(dir, { recursive: true, mode: privateDirMode });
  const file = path.join(dir, 'streetcommand.lock');
  const mine: LockInfo = { pid: process.pid, host: os.hostname(), kind, startedAt: Date.now() };
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(file, JSON.stringify(mine), { flag: 'wx', mode: privateFileMode });
      ensurePrivateFile(file); // exactly 0600, whatever the umask
      let released = false;
      return () => {
        if (released) return;
        released = true;
        try {
          const held = JSON.parse(fs.readFileSync(file, 'utf8')) as LockInfo;
          if (held.pid === process.pid) fs.unlinkSync(file);
        } catch {
          /* already gone */
        }
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const held = readLock(file);
      if (held && held.host === mine.host && isAlive(held.pid)) {
        const since = formatDateTime(held.startedAt);
        throw new AppError(
          'data_folder_locked',
          `数据文件夹 ${dir} 正被另一个 StreetCommand (${held.kind === 'host' ? '浏览器主机' : '桌面程序'}，进程 ${held.pid}，自 ${since}) 使用。请先关闭它，或选择另一个数据文件夹。`,
        );
      }
      fs.rmSync(file, { force: true }); // stale: the process that held it is gone
    }
  }
  throw new AppError('data_folder_locked', `无法锁定数据文件夹 ${dir}。`);
}

function readLock(file: string): LockInfo | null {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as LockInfo;
  } catch {
    return null;
  }
}

function isAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

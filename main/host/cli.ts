import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AppError } from '../../shared/api/errors';
import { openApp } from '../services/app';
import { createHostServer, newHostKeys } from './server';
import { openBaseMap } from '../services/basemap';
import { createClock, parseClockStart } from '../../shared/domain/clock';
import { formatDateTimeSeconds } from '../../shared/domain/shanghai-time';

/**
 * `npm run serve -- [--data DIR] [--port N] [--clock-start T] [--clock-rate R]`: the browser host on 127.0.0.1.
 * The clock flags start it on another clock (end-to-end tests, drills): T is epoch ms or an ISO time (Beijing time
 * when it has no offset), R how many clock seconds pass per real second (60 = a minute per second, 0 = stopped).
 */

const usage = '用法：npm run serve -- [--data 文件夹] [--port 端口] [--clock-start 时间] [--clock-rate 倍速]';

interface Args {
  dataDir: string;
  port: number;
  clock: { start?: number; rate: number };
}

export function parseArgs(argv: string[]): Args {
  const args: Args = { dataDir: path.join(os.homedir(), 'StreetCommand-data'), port: 5178, clock: { rate: 1 } };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--data') args.dataDir = path.resolve(need(argv, ++i, a));
    else if (a === '--port') {
      const n = Number(need(argv, ++i, a));
      if (!Number.isInteger(n) || n < 0 || n > 65535) throw new Error(`--port 需要 0 到 65535 的整数，收到 "${argv[i]}"`);
      args.port = n;
    } else if (a === '--clock-start') {
      const start = parseClockStart(need(argv, ++i, a));
      if (Number.isNaN(start)) throw new Error(`--clock-start 需要毫秒数或 ISO 时间 (如 2022-06-01T08:00，北京时间)，收到 "${argv[i]}"`);
      args.clock.start = start;
    } else if (a === '--clock-rate') {
      const rate = Number(need(argv, ++i, a));
      if (!Number.isFinite(rate) || rate < 0 || argv[i].trim() === '') throw new Error(`--clock-rate 需要不小于 0 的数 (1 为实时)，收到 "${argv[i]}"`);
      args.clock.rate = rate;
    } else throw new Error(`未知参数 ${a}。${usage}`);
  }
  return args;
}

function need(argv: string[], i: number, flag: string): string {
  if (i >= argv.length) throw new Error(`${flag} 后面需要一个值`);
  return argv[i];
}

export function appRootFrom(entry: string): string {
  // Both main/host/cli.ts and the bundle dist/main/host.cjs sit two folders below the app root.
  return path.resolve(path.dirname(entry), '..', '..');
}

function main() {
  let args: Args;
  try {
    args = parseArgs(process.argv.slice(2));
  } catch (err) {
    console.error((err as Error).message);
    process.exit(2);
  }
  const root = appRootFrom(process.argv[1]);
  const version = (JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string }).version;
  let opened;
  try {
    const clock = createClock({ ...args.clock, realNow: Date.now });
    opened = openApp({ dataDir: args.dataDir, resourcesDir: path.join(root, 'resources'), shell: 'host', version, clock });
  } catch (err) {
    console.error(err instanceof AppError ? err.message : `无法打开数据文件夹 ${args.dataDir}：${(err as Error).message}`);
    process.exit(1);
  }
  const { ctx } = opened;
  const keys = newHostKeys(); // see server.ts: api (header only), page (the printed address), tiles
  const server = createHostServer({
    ctx,
    rendererDir: path.join(root, 'dist', 'renderer'),
    keys,
    tiles: () => openBaseMap(ctx),
  });
  server.on('error', (err: NodeJS.ErrnoException) => {
    console.error(err.code === 'EADDRINUSE' ? `端口 ${args.port} 已被占用。请用 --port 指定另一个端口 (或 --port 0 自动选择)。` : err.message);
    opened.close();
    process.exit(1);
  });
  server.listen(args.port, '127.0.0.1', () => {
    const port = (server.address() as { port: number }).port;
    const url = `http://127.0.0.1:${port}/?open=${keys.page}`;
    const hostFile = path.join(ctx.dataDir, 'host.json');
    // `token` is the API key (Authorization: Bearer); `url` opens the page; `tileKey` reads tiles.
    const info = { port, url, token: keys.api, tileKey: keys.tiles, pid: process.pid };
    fs.rmSync(hostFile, { force: true }); // a file left by an older host may be 0644: never write the keys into it
    fs.writeFileSync(hostFile, JSON.stringify(info, null, 2), { mode: 0o600, flag: 'wx' });
    fs.chmodSync(hostFile, 0o600);
    console.log(`StreetCommand 浏览器主机已启动 / browser host running: ${url}`);
    console.log(`数据文件夹 / data folder: ${ctx.dataDir}`);
    if (args.clock.start !== undefined || args.clock.rate !== 1) {
      console.log(`时钟 / clock: ${formatDateTimeSeconds(ctx.now())} (北京时间) ×${ctx.clock.rate()}`);
    }
  });
  const stop = () => {
    server.close();
    server.closeAllConnections();
    fs.rmSync(path.join(ctx.dataDir, 'host.json'), { force: true });
    opened.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main();

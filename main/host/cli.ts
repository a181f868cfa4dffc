import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AppError } from '../../shared/api/errors';
import { openApp } from '../services/app';
import { createHostServer, newHostKeys } from './server';
import { openBaseMap } from '../services/basemap';

/** `npm run serve -- [--data DIR] [--port N]`: the browser host on 127.0.0.1. */

interface Args {
  dataDir: string;
  port: number;
}

export function parseArgs(argv: string[]): Args {
  const args: Args = { dataDir: path.join(os.homedir(), 'StreetCommand-data'), port: 5178 };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--data') args.dataDir = path.resolve(need(argv, ++i, a));
    else if (a === '--port') {
      const n = Number(need(argv, ++i, a));
      if (!Number.isInteger(n) || n < 0 || n > 65535) throw new Error(`--port 需要 0 到 65535 的整数，收到 "${argv[i]}"`);
      args.port = n;
    } else throw new Error(`未知参数 ${a}。用法：npm run serve -- [--data 文件夹] [--port 端口]`);
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
    opened = openApp({ dataDir: args.dataDir, resourcesDir: path.join(root, 'resources'), shell: 'host', version });
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

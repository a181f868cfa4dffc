import fs from 'node:fs';
import path from 'node:path';
import { openDatabase } from '../../main/db/open';
import { dispatch } from '../../main/api/dispatch';
import type { AppContext } from '../../main/services/context';
import { createClock } from '../../shared/domain/clock';

/**
 * One "window" of the race test: opens its own connection to the shared database file, waits for the go signal,
 * switches to emergency and prints the result as one JSON line.
 */
const [dir, now, reportedAt] = process.argv.slice(2);
const dbFile = path.join(dir, 'streetcommand.sqlite');
const ctx: AppContext = {
  db: openDatabase(dbFile),
  dataDir: dir,
  dbFile,
  backupDir: path.join(dir, 'backups'),
  resourcesDir: 'resources',
  shell: 'host',
  version: 'test',
  clock: createClock({ start: Number(now), rate: 0, realNow: Date.now }),
  now: () => Number(now),
  checkOutputs: true,
};
process.stdout.write('ready\n');
const go = path.join(dir, 'go');
while (!fs.existsSync(go)) {
  // spin: both children leave this loop within a millisecond of each other
}
const result = await dispatch(ctx, 'switchToEmergency', { reportedAt: Number(reportedAt), place: `窗口 ${process.pid}`, caseType: 'confirmed', reportedBy: '区疾控' });
process.stdout.write(`${JSON.stringify({ ok: result.ok, error: result.ok ? null : result.error })}\n`);
ctx.db.close();

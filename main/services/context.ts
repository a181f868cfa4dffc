import type { Db } from '../db/open';

/** Everything a service needs, passed explicitly. `now` is injected so drills and tests control the clock. */
export interface AppContext {
  db: Db;
  dataDir: string;
  dbFile: string;
  backupDir: string;
  resourcesDir: string;
  shell: 'desktop' | 'host';
  version: string;
  now: () => number;
}

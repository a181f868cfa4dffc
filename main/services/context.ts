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
  /**
   * Check every answer against the contract's output schema (tests and development builds; off in the packaged
   * app). A mismatch answers `internal` naming the method and the field.
   */
  checkOutputs: boolean;
}

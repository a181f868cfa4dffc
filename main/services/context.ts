import type { Db } from '../db/open';
import type { Clock } from '../../shared/domain/clock';

/** Everything a service needs, passed explicitly. `now` is injected so drills and tests control the clock. */
export interface AppContext {
  db: Db;
  dataDir: string;
  dbFile: string;
  backupDir: string;
  resourcesDir: string;
  shell: 'desktop' | 'host';
  version: string;
  /** The clock the app was started on (a start time and a rate); a drill will set it while running. */
  clock: Clock;
  /** The time services use: the clock's, unless a test steps the time by hand. */
  now: () => number;
  /**
   * Check every answer against the contract's output schema (tests and development builds; off in the packaged
   * app). A mismatch answers `internal` naming the method and the field.
   */
  checkOutputs: boolean;
}

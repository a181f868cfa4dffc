import { migration001 } from './001-street';
import type { Migration } from './types';

/** Every migration in order. A new one is appended here with the next number; never edit a landed one. */
export const migrations: Migration[] = [migration001];

export const latestVersion = migrations[migrations.length - 1].version;

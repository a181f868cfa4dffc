import { migration001 } from './001-street';
import { migration002 } from './002-operators';
import { migration003 } from './003-mode';
import { migration004 } from './004-event-log';
import { migration005 } from './005-command';
import { migration006 } from './006-checklist';
import { migration007 } from './007-duty';
import { migration008 } from './008-event-log-ref';
import { migration009 } from './009-street-operator';
import { migration010 } from './010-population-source';
import { migration011 } from './011-risk-areas';
import { migration012 } from './012-incident';
import { migration013 } from './013-desk-lock';
import type { Migration } from './types';

/**
 * Every migration in order. A new one is appended here with the next number; never edit a landed one.
 * Each runs in its own transaction with its `user_version` (./run). A migration that changes a CHECK (a new enum value)
 * or anything else ALTER TABLE cannot do rebuilds the table with `rebuildTable` (./rebuild) and declares
 * `rebuildsTables: true`, so the runner turns foreign keys off outside the transaction and checks them before commit;
 * without it, dropping a parent table deletes its children.
 */
export const migrations: Migration[] = [
  migration001, migration002, migration003, migration004, migration005, migration006, migration007, migration008, migration009, migration010,
  migration011, migration012, migration013,
];

export const latestVersion = migrations[migrations.length - 1].version;

import type { Db } from 'mongodb';

/** One schema change. `up` must be idempotent: a crash between it and the version update reruns it. */
export interface Migration {
  version: number;
  description: string;
  up(db: Db): Promise<void>;
}

/**
 * Every migration, in order; the last version is the schema version this code runs on. Add a new entry
 * (version + 1) for each change to stored data; never edit or remove a released one.
 */
export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    description: 'baseline: the collections and indexes the models declare (mongoose creates them at start)',
    up: async () => undefined,
  },
];

export const CODE_SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1].version;

import type { Db } from 'mongodb';

/** One schema change. `up` must be idempotent: a crash between it and the version update reruns it. */
export interface Migration {
  version: number;
  description: string;
  up(db: Db): Promise<void>;
}

/** Where the sign-in back-off and the summary limit kept their attempts before schema version 2. */
export const OBSOLETE_LIMIT_COLLECTIONS = ['login_failures', 'summary_requests'];

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
  {
    version: 2,
    description:
      'drop login_failures and summary_requests: the sign-in back-off and the summary limit moved to the ' +
      'limit store (Redis with REDIS_URL, else in process)',
    up: async (db) => {
      for (const name of OBSOLETE_LIMIT_COLLECTIONS)
        if (await db.listCollections({ name }, { nameOnly: true }).hasNext()) await db.dropCollection(name);
    },
  },
];

export const CODE_SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1].version;

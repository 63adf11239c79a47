import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import type { Db } from 'mongodb';
import type { Connection } from 'mongoose';
import { type Migration, MIGRATIONS } from './migrations';

export const SCHEMA_COLLECTION = 'schema_meta';
export const SCHEMA_DOC_ID = 'schemaVersion';

interface SchemaVersionDoc {
  _id: string;
  version: number;
  updatedAt: Date;
}

/**
 * Brings the database to the code's schema version at start-up: reads the `schemaVersion` document,
 * refuses to start on a database newer than the code (a rollback to older code must not write to data it
 * does not understand), then runs each pending migration in order and records its version. Migrations are
 * idempotent, so a start that stopped half-way, or two instances starting together, converge.
 */
@Injectable()
export class MigrationsService implements OnModuleInit {
  private readonly logger = new Logger(MigrationsService.name);

  constructor(@InjectConnection() private readonly connection: Connection) {}

  async onModuleInit(): Promise<void> {
    await migrate(this.connection.db as unknown as Db, MIGRATIONS, (m) => this.logger.log(m));
  }
}

/** Runs `migrations` above the recorded version; throws when the database is newer than the last one. */
export async function migrate(db: Db, migrations: readonly Migration[], log: (m: string) => void): Promise<number> {
  const meta = db.collection<SchemaVersionDoc>(SCHEMA_COLLECTION);
  const target = migrations.length ? migrations[migrations.length - 1].version : 0;
  let current = (await meta.findOne({ _id: SCHEMA_DOC_ID }))?.version ?? 0;
  if (current > target)
    throw new Error(
      `The database schema is version ${current}, newer than this code (version ${target}): ` +
        'deploy the newer code, or restore a backup taken before the upgrade',
    );
  for (const m of migrations.filter((x) => x.version > current)) {
    log(`Migrating the database to schema version ${m.version}: ${m.description}`);
    await m.up(db);
    await meta.updateOne(
      { _id: SCHEMA_DOC_ID },
      { $max: { version: m.version }, $set: { updatedAt: new Date() } },
      { upsert: true },
    );
    current = m.version;
  }
  return current;
}

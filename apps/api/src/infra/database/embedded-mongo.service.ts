import { Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import type { EmbeddedMongoChild } from '@cloudvault/embedded-mongo/host';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AppConfigService } from '../../config/app-config.service';
import { type DatabaseLogger, startDatabaseChild, takeEarlyDatabase } from './early-database';

/**
 * Resolves the database URI: `MONGO_URI` when set, otherwise the embedded server — on disk in its own
 * process (its queries never run on the API's event loop or heap), or in memory in-process (tests).
 */
@Injectable()
export class DatabaseUriService implements OnApplicationShutdown {
  private readonly logger = new Logger(DatabaseUriService.name);
  private server?: { uri: string; stop(): Promise<void> };
  private uriFile?: string;

  constructor(private readonly config: AppConfigService) {}

  async resolveUri(): Promise<string> {
    const external = this.config.mongoUri;
    if (external) {
      this.logger.log('Using the MongoDB server from MONGO_URI');
      return external;
    }
    const logger = { log: (m: string) => this.logger.log(m), error: (m: string) => this.logger.error(m) };
    if (this.config.dbInMemory) {
      // the engine is loaded only here: a server running the database in its own process never loads it
      const { EmbeddedMongoServer } = await import('@cloudvault/embedded-mongo');
      this.server = await EmbeddedMongoServer.start({ port: 0, host: '127.0.0.1', inMemory: true, logger });
      this.logger.log(`Embedded database (in memory) at ${this.server.uri}`);
    } else {
      const dbPath = join(this.config.dataDir, 'db');
      this.server = await this.startOnDisk(dbPath, logger);
      this.logger.log(`Embedded database (own process) at ${this.server.uri}, data in ${dbPath}`);
      // where `npm run db:backup` finds the running database (loopback only; removed at shutdown)
      this.uriFile = join(this.config.dataDir, 'embedded-mongo.uri');
      writeFileSync(this.uriFile, `${this.server.uri}/cloudvault\n`, { mode: 0o600 });
    }
    return `${this.server.uri}/cloudvault`;
  }

  /** The child main.ts started early when it serves this configuration, else a new one. */
  private async startOnDisk(dbPath: string, logger: DatabaseLogger): Promise<EmbeddedMongoChild> {
    const early = takeEarlyDatabase();
    if (early) {
      early.logger.attach(logger);
      if (early.dbPath === dbPath) return early.started;
      await early.started.then((child) => child.stop()).catch(() => undefined);
    }
    return startDatabaseChild(this.config.dataDir, logger);
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.uriFile) rmSync(this.uriFile, { force: true });
    await this.server?.stop();
    this.server = undefined;
  }
}

import { Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { EmbeddedMongoServer, secureDataDir } from '@cloudvault/embedded-mongo';
import { join } from 'node:path';
import { AppConfigService } from '../../config/app-config.service';

/** Resolves the database URI: `MONGO_URI` when set, otherwise an embedded server started in-process. */
@Injectable()
export class DatabaseUriService implements OnApplicationShutdown {
  private readonly logger = new Logger(DatabaseUriService.name);
  private server?: EmbeddedMongoServer;

  constructor(private readonly config: AppConfigService) {}

  async resolveUri(): Promise<string> {
    const external = this.config.mongoUri;
    if (external) {
      this.logger.log('Using the MongoDB server from MONGO_URI');
      return external;
    }
    const inMemory = this.config.dbInMemory;
    const dbPath = join(this.config.dataDir, 'db');
    if (!inMemory) secureDataDir(this.config.dataDir, (m) => this.logger.log(m));
    this.server = await EmbeddedMongoServer.start({
      port: 0,
      host: '127.0.0.1',
      ...(inMemory ? { inMemory: true } : { dbPath }),
      logger: { log: (m) => this.logger.log(m), error: (m) => this.logger.error(m) },
    });
    this.logger.log(
      inMemory
        ? `Embedded database (in memory) at ${this.server.uri}`
        : `Embedded database at ${this.server.uri}, data in ${dbPath}`,
    );
    return `${this.server.uri}/cloudvault`;
  }

  async onApplicationShutdown(): Promise<void> {
    await this.server?.stop();
    this.server = undefined;
  }
}

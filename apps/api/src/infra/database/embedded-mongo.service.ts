import { Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { EmbeddedMongoChild, EmbeddedMongoServer, secureDataDir } from '@cloudvault/embedded-mongo';
import { rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { AppConfigService } from '../../config/app-config.service';

/**
 * Where the embedded database's child process script is: the library's build output next to the API's
 * bundle (`npm start` builds it), else its sources (run through @swc-node/register: tests, dev).
 */
const CHILD_SCRIPTS = [
  resolve(__dirname, '../../libs/embedded-mongo/src/child-main.js'),
  resolve(process.cwd(), 'dist/libs/embedded-mongo/src/child-main.js'),
  resolve(process.cwd(), 'libs/embedded-mongo/src/child-main.ts'),
];

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
      this.server = await EmbeddedMongoServer.start({ port: 0, host: '127.0.0.1', inMemory: true, logger });
      this.logger.log(`Embedded database (in memory) at ${this.server.uri}`);
    } else {
      const dbPath = join(this.config.dataDir, 'db');
      secureDataDir(this.config.dataDir, (m) => this.logger.log(m));
      this.server = await EmbeddedMongoChild.start({
        port: 0,
        host: '127.0.0.1',
        dbPath,
        logger,
        entry: CHILD_SCRIPTS,
      });
      this.logger.log(`Embedded database (own process) at ${this.server.uri}, data in ${dbPath}`);
      // where `npm run db:backup` finds the running database (loopback only; removed at shutdown)
      this.uriFile = join(this.config.dataDir, 'embedded-mongo.uri');
      writeFileSync(this.uriFile, `${this.server.uri}/cloudvault\n`, { mode: 0o600 });
    }
    return `${this.server.uri}/cloudvault`;
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.uriFile) rmSync(this.uriFile, { force: true });
    await this.server?.stop();
    this.server = undefined;
  }
}

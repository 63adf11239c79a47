import { EmbeddedMongoChild, secureDataDir } from '@cloudvault/embedded-mongo/host';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseEnv } from 'node:util';
import { validateEnv } from '../../config/env.validation';

/** Where the embedded database's child script is (the library's build output next to the API's bundle). */
export const CHILD_SCRIPTS = [
  resolve(__dirname, '../../libs/embedded-mongo/src/child-main.js'),
  resolve(process.cwd(), 'dist/libs/embedded-mongo/src/child-main.js'),
  resolve(process.cwd(), 'libs/embedded-mongo/src/child-main.ts'),
];

export interface DatabaseLogger {
  log(message: string): void;
  error(message: string): void;
}

/** Lines logged before the application's logger exists are kept, then passed on once it is attached. */
class DeferredLogger implements DatabaseLogger {
  private target?: DatabaseLogger;
  private readonly pending: Array<['log' | 'error', string]> = [];

  log(message: string): void {
    if (this.target) this.target.log(message);
    else this.pending.push(['log', message]);
  }

  error(message: string): void {
    if (this.target) this.target.error(message);
    else this.pending.push(['error', message]);
  }

  attach(target: DatabaseLogger): void {
    this.target = target;
    for (const [level, message] of this.pending.splice(0)) target[level](message);
  }
}

export interface EarlyDatabase {
  dbPath: string;
  started: Promise<EmbeddedMongoChild>;
  logger: DeferredLogger;
}

let early: EarlyDatabase | undefined;

/** The embedded on-disk database's child process: its data directory is secured first. */
export function startDatabaseChild(dataDir: string, logger: DatabaseLogger): Promise<EmbeddedMongoChild> {
  secureDataDir(dataDir, (m) => logger.log(m));
  return EmbeddedMongoChild.start({
    port: 0,
    host: '127.0.0.1',
    dbPath: join(dataDir, 'db'),
    logger,
    entry: CHILD_SCRIPTS,
  });
}

/**
 * Starts the embedded on-disk database before the rest of the API is loaded (main.ts), so that the child's
 * start-up runs on the other core while this process loads its modules. The environment is read as
 * ConfigModule reads it (`.env` under the process's own variables) and validated by the same function; when it
 * names no embedded on-disk database, or is invalid (the application then reports why), nothing starts.
 * DatabaseUriService takes the started child over, or stops it if the configuration it gets differs.
 */
export function startDatabaseEarly(): void {
  try {
    const file =
      process.env['NODE_ENV'] === 'test' || !existsSync('.env') ? {} : parseEnv(readFileSync('.env', 'utf8'));
    const env = validateEnv({ ...file, ...process.env });
    if (env.MONGO_URI || env.DB_IN_MEMORY) return;
    const dataDir = resolve(env.DATA_DIR);
    const logger = new DeferredLogger();
    const started = startDatabaseChild(dataDir, logger);
    started.catch(() => undefined); // reported when DatabaseUriService takes it over
    early = { dbPath: join(dataDir, 'db'), started, logger };
  } catch {
    // invalid configuration or an unusable data directory: the application reports it as it starts
  }
}

/** The database started by startDatabaseEarly, once (later calls get undefined). */
export function takeEarlyDatabase(): EarlyDatabase | undefined {
  const taken = early;
  early = undefined;
  return taken;
}

/**
 * Runs the embedded MongoDB-compatible server in the foreground:
 *   node -r @swc-node/register libs/embedded-mongo/src/cli.ts --port 27017 --dbpath ./data/db [--inMemory] [--host 127.0.0.1]
 * A non-loopback --host is refused unless --allow-remote is given: the server has no authentication.
 * Prints the mongodb:// URI once listening; stops cleanly on SIGTERM/SIGINT.
 */
import { EmbeddedMongoServer, type EmbeddedMongoOptions } from './server';

/** Loopback addresses only this machine can reach (`localhost` included). */
function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127(\.\d{1,3}){3}$/.test(host);
}

export function parseArgs(argv: string[]): EmbeddedMongoOptions {
  const opts: EmbeddedMongoOptions = {};
  let allowRemote = false;
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split('=', 2);
    const value = (): string => {
      const v = inline ?? argv[++i];
      if (v === undefined) throw new Error(`${flag} needs a value`);
      return v;
    };
    switch (flag) {
      case '--port':
        opts.port = Number(value());
        if (!Number.isInteger(opts.port) || opts.port < 0 || opts.port > 65535)
          throw new Error('--port must be 0..65535');
        break;
      case '--dbpath':
      case '--dbPath':
        opts.dbPath = value();
        break;
      case '--inMemory':
      case '--in-memory':
        opts.inMemory = true;
        break;
      case '--host':
      case '--bind_ip':
        opts.host = value();
        break;
      case '--allow-remote':
        allowRemote = true;
        break;
      case '--maxWireVersion':
        opts.maxWireVersion = Number(value());
        break;
      case '--ttlMonitorIntervalMs':
        opts.ttlMonitorIntervalMs = Number(value());
        break;
      default:
        throw new Error(`unknown argument ${argv[i]} (use --port, --dbpath, --inMemory, --host, --allow-remote)`);
    }
  }
  if (opts.host !== undefined && !isLoopback(opts.host) && !allowRemote)
    throw new Error(
      `refusing to listen on ${opts.host}: the embedded database has no authentication, so anyone who can ` +
        'reach that address could read and change every record. Keep the default 127.0.0.1, or pass ' +
        '--allow-remote if the network is otherwise protected',
    );
  if (!opts.dbPath && !opts.inMemory) opts.dbPath = './data/db';
  return opts;
}

async function main(): Promise<void> {
  let opts: EmbeddedMongoOptions;
  try {
    opts = parseArgs(process.argv.slice(2));
  } catch (e) {
    process.stderr.write(`embedded-mongo: ${(e as Error).message}\n`);
    process.exit(2);
  }
  const logger = {
    log: (m: string) => process.stderr.write(`${m}\n`),
    error: (m: string) => process.stderr.write(`${m}\n`),
  };
  let server: EmbeddedMongoServer;
  try {
    server = await EmbeddedMongoServer.start({ ...opts, logger });
  } catch (e) {
    process.stderr.write(`embedded-mongo: failed to start: ${(e as Error).message}\n`);
    process.exit(1);
  }
  process.stdout.write(`${server.uri}\n`);
  let stopping = false;
  const stop = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    logger.log(`embedded-mongo: ${signal} received, stopping`);
    server.stop().then(
      () => process.exit(0),
      (e: Error) => {
        logger.error(`embedded-mongo: stop failed: ${e.message}`);
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

if (require.main === module) void main();

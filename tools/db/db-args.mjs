// Shared by the db tools: `--name value` arguments and the database URI.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** `--key value` pairs for the allowed keys; anything else exits with a message. */
export function parseArgs(argv, allowed) {
  const out = {};
  for (let i = 0; i < argv.length; i += 2) {
    const key = argv[i].replace(/^--/, '');
    if (!allowed.includes(key) || argv[i + 1] === undefined) {
      console.error(`unknown or incomplete argument: ${argv[i]} (allowed: ${allowed.map((a) => `--${a}`).join(' ')})`);
      process.exit(2);
    }
    out[key] = argv[i + 1];
  }
  return out;
}

/** --uri, else MONGO_URI, else the running embedded database of DATA_DIR (the URI file the API writes). */
export function resolveUri(args) {
  if (args.uri) return args.uri;
  if (process.env.MONGO_URI) return process.env.MONGO_URI;
  const file = join(process.env.DATA_DIR ?? 'data', 'embedded-mongo.uri');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  console.error(`no database: pass --uri, set MONGO_URI, or start the API (it writes ${file})`);
  process.exit(2);
}

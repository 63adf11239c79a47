import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { MongoClient } from 'mongodb';
import { EmbeddedMongoServer } from '../server';

const dirs: string[] = [];
function tmpDir(): string {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'em-perm-'));
  dirs.push(d);
  return d;
}
afterAll(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

const mode = (p: string) => fs.statSync(p).mode & 0o777;

/** Every directory and file under `root` with its permission bits. */
function modes(root: string): Record<string, number> {
  const out: Record<string, number> = { '.': mode(root) };
  for (const e of fs.readdirSync(root, { recursive: true, withFileTypes: true })) {
    const p = path.join(e.parentPath, e.name);
    out[path.relative(root, p)] = mode(p);
  }
  return out;
}

/** Starts a server on `dbPath`, writes one record, stops; returns what it logged. */
async function writeOnce(dbPath: string): Promise<string[]> {
  const logged: string[] = [];
  const server = await EmbeddedMongoServer.start({
    dbPath,
    port: 0,
    logger: { log: (m) => logged.push(m), error: (m) => logged.push(m) },
  });
  const client = await MongoClient.connect(server.uri);
  try {
    await client.db('t').collection('c').insertOne({ passwordHash: 'secret' });
  } finally {
    await client.close();
    await server.stop();
  }
  return logged;
}

describe('data directory permissions (the data file holds every record in clear)', () => {
  it('creates the data directory tree 0700 and every file 0600', async () => {
    const data = path.join(tmpDir(), 'data');
    await writeOnce(path.join(data, 'db'));
    const all = modes(data);
    expect(Object.keys(all)).toEqual(expect.arrayContaining(['.', 'db', path.join('db', 'data.mdb')]));
    for (const [p, m] of Object.entries(all))
      expect([p, m.toString(8)]).toEqual([p, fs.statSync(path.join(data, p)).isDirectory() ? '700' : '600']);
  });

  it('tightens an existing world-readable tree at start-up and logs it', async () => {
    const db = path.join(tmpDir(), 'db');
    fs.mkdirSync(path.join(db, 'old'), { recursive: true, mode: 0o755 });
    fs.chmodSync(db, 0o755);
    fs.writeFileSync(path.join(db, 'notes.txt'), '', { mode: 0o644 });
    fs.writeFileSync(path.join(db, 'old', 'notes.txt'), 'x', { mode: 0o666 });
    const logged = await writeOnce(db);
    expect(modes(db)).toEqual({
      '.': 0o700,
      old: 0o700,
      [path.join('old', 'notes.txt')]: 0o600,
      'notes.txt': 0o600,
      'data.mdb': 0o600,
      'lock.mdb': 0o600,
    });
    expect(logged).toContainEqual(expect.stringMatching(/tightened permissions of 4 entries under .* owner-only/));
  });
});

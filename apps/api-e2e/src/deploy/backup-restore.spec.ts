import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { EJSON } from 'bson';
import { EmbeddedMongoServer } from '@cloudvault/embedded-mongo';
import { MongoClient, ObjectId } from 'mongodb';

const run = promisify(execFile);
const TOOLS = resolve(__dirname, '../../../../tools/db');
const work = mkdtempSync(join(tmpdir(), 'cv-backup-'));
const servers: EmbeddedMongoServer[] = [];
const clients: MongoClient[] = [];

async function database(dir: string): Promise<{ server: EmbeddedMongoServer; client: MongoClient }> {
  const server = await EmbeddedMongoServer.start({ port: 0, dbPath: join(work, dir) });
  servers.push(server);
  const client = await MongoClient.connect(server.uri);
  clients.push(client);
  return { server, client };
}

afterAll(async () => {
  for (const c of clients) await c.close();
  for (const s of servers) await s.stop();
  rmSync(work, { recursive: true, force: true });
});

describe('db:backup / db:restore of the on-disk embedded database (online, through the driver)', () => {
  it('backs up while writes run; the restore into a fresh data dir holds every write acknowledged before it', async () => {
    const live = await database('live');
    const vitals = live.client.db('cloudvault').collection('vitals');
    await vitals.createIndex({ userId: 1, at: -1 }, { name: 'user_at' });
    await live.client
      .db('cloudvault')
      .collection('users')
      .insertOne({ email: 'a@example.test', born: new Date(0) });
    const acknowledged: ObjectId[] = [];
    const write = async () => {
      const r = await vitals.insertOne({ userId: new ObjectId(), at: new Date(), value: acknowledged.length });
      acknowledged.push(r.insertedId);
    };
    for (let i = 0; i < 200; i++) await write();

    // the backup runs while a writer keeps inserting
    let writing = true;
    const writer = (async () => {
      while (writing) await write();
    })();
    const before = acknowledged.slice();
    const out = join(work, 'backup');
    await run(process.execPath, [join(TOOLS, 'dump.mjs'), '--out', out, '--uri', `${live.server.uri}/cloudvault`]);
    writing = false;
    await writer;

    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
    expect(manifest.collections.vitals.documents).toBeGreaterThanOrEqual(before.length);
    const firstLine = readFileSync(join(out, 'cloudvault', 'vitals.json'), 'utf8').split('\n')[0];
    expect(JSON.parse(firstLine)._id).toEqual({ $oid: expect.any(String) }); // canonical Extended JSON

    const fresh = await database('restored');
    await run(process.execPath, [join(TOOLS, 'restore.mjs'), '--from', out, '--uri', `${fresh.server.uri}/cloudvault`]);
    const restored = fresh.client.db('cloudvault');
    const ids = new Set(
      (
        await restored
          .collection('vitals')
          .find({}, { projection: { _id: 1 } })
          .toArray()
      ).map((d) => d._id.toHexString()),
    );
    expect(before.filter((id) => !ids.has(id.toHexString()))).toEqual([]);
    const original = await vitals.findOne({ _id: before[0] });
    expect(EJSON.serialize(await restored.collection('vitals').findOne({ _id: before[0] }))).toEqual(
      EJSON.serialize(original),
    );
    expect(await restored.collection('users').findOne({}, { projection: { _id: 0 } })).toEqual({
      email: 'a@example.test',
      born: new Date(0),
    });
    const indexes = await restored.collection('vitals').listIndexes().toArray();
    expect(indexes.map((i) => [i.name, i.key])).toContainEqual(['user_at', { userId: 1, at: -1 }]);

    // a restore never overwrites: the same dump into the now non-empty database is refused
    await expect(
      run(process.execPath, [join(TOOLS, 'restore.mjs'), '--from', out, '--uri', `${fresh.server.uri}/cloudvault`]),
    ).rejects.toThrow(/not empty/);
  });
});

/**
 * Migration of a data directory written by the journal/snapshot store: converted on first start,
 * verified, the old files removed only then; an interrupted conversion restarts from the files kept aside.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { MongoClient, ObjectId } from 'mongodb';
import { EmbeddedMongoServer } from '../server';
import { tmpDirs } from '../testing/spawn-cli';
import { encodeRecord, type Effect } from './records';

const dirs = tmpDirs('em-mig-');
afterAll(() => dirs.cleanup());

const owner = new ObjectId();
const snapshot: Effect[][] = [
  [{ op: 'createColl', db: 'app', coll: 'users', options: {} }],
  [{ op: 'createIndex', db: 'app', coll: 'users', spec: { v: 2, name: 'email_1', key: { email: 1 }, unique: true } }],
  ...Array.from({ length: 300 }, (_, i): Effect[] => [
    { op: 'put', db: 'app', coll: 'users', doc: { _id: i, email: `u${i}@x.test`, owner, at: new Date(i * 1000) } },
  ]),
  [{ op: 'put', db: 'app', coll: 'old', doc: { _id: 'gone' } }],
];
const journal: Effect[][] = [
  [{ op: 'put', db: 'app', coll: 'users', doc: { _id: 5, email: 'changed@x.test', owner, at: new Date(5000) } }],
  [{ op: 'del', db: 'app', coll: 'users', id: 7 }],
  [{ op: 'dropColl', db: 'app', coll: 'old' }],
  [
    { op: 'createColl', db: 'app', coll: 'notes', options: {} },
    { op: 'createIndex', db: 'app', coll: 'notes', spec: { v: 2, name: 'tags_1', key: { tags: 1 } } },
    { op: 'put', db: 'app', coll: 'notes', doc: { _id: 1, tags: ['a', 'b'] } },
  ],
];

function writeOld(dir: string, into = dir): void {
  fs.mkdirSync(into, { recursive: true });
  fs.writeFileSync(path.join(into, 'snapshot.bin'), Buffer.concat(snapshot.map(encodeRecord)));
  const torn = encodeRecord([{ op: 'put', db: 'app', coll: 'users', doc: { _id: 999 } }]).subarray(0, 20);
  fs.writeFileSync(path.join(into, 'journal.bin'), Buffer.concat([...journal.map(encodeRecord), torn]));
}

async function expectConverted(dir: string, logs: string[]): Promise<void> {
  const s = await EmbeddedMongoServer.start({
    dbPath: dir,
    logger: { log: (m) => logs.push(m), error: (m) => logs.push(m) },
  });
  const c = await MongoClient.connect(`${s.uri}/app`);
  try {
    const users = c.db('app').collection('users');
    expect(await users.countDocuments()).toBe(299);
    expect(await users.findOne({ _id: 5 as never })).toEqual({
      _id: 5,
      email: 'changed@x.test',
      owner,
      at: new Date(5000),
    });
    expect(await users.findOne({ _id: 7 as never })).toBeNull();
    expect(await users.countDocuments({ owner })).toBe(299);
    await expect(users.insertOne({ email: 'u1@x.test' })).rejects.toMatchObject({ code: 11000 });
    expect((await c.db('app').listCollections().toArray()).map((x) => x.name).sort()).toEqual(['notes', 'users']);
    expect(await c.db('app').collection('notes').countDocuments({ tags: 'b' })).toBe(1);
    for (const name of ['users', 'notes']) expect((await c.db('app').command({ validate: name })).valid).toBe(true);
  } finally {
    await c.close();
    await s.stop();
  }
  expect(logs.join('\n')).toMatch(/converting the journal\/snapshot data/);
  expect(logs.join('\n')).toMatch(/torn\/corrupt tail/);
  expect(logs.join('\n')).toMatch(/converted 300 documents in 2 collections .* verified, old files removed/);
  expect(fs.readdirSync(dir).sort()).toEqual(['data.mdb', 'lock.mdb']);
}

describe('migration from the journal/snapshot store', () => {
  it('converts on first start, verifies, removes the old files, and starts normally afterwards', async () => {
    const dir = dirs.make();
    writeOld(dir);
    await expectConverted(dir, []);
    const logs: string[] = [];
    const s = await EmbeddedMongoServer.start({ dbPath: dir, logger: { log: (m) => logs.push(m), error: () => 0 } });
    await s.stop();
    expect(logs.join('\n')).not.toMatch(/convert/);
  });

  it('restarts an interrupted conversion from the files kept aside', async () => {
    const dir = dirs.make();
    writeOld(dir, path.join(dir, 'pre-lmdb')); // moved aside, then the process died
    await expectConverted(dir, []);
  });
});

import * as fs from 'node:fs';
import * as path from 'node:path';
import { MongoClient } from 'mongodb';
import { EmbeddedMongoServer } from '../server';
import { tmpDirs } from '../testing/spawn-cli';

const dirs = tmpDirs('em-dur-');
afterAll(() => dirs.cleanup());
const tmpDir = (): string => dirs.make();

describe('durability', () => {
  it('persists data, indexes and drops across a clean restart', async () => {
    const dir = tmpDir();
    let s = await EmbeddedMongoServer.start({ dbPath: dir });
    let c = await MongoClient.connect(`${s.uri}/p`);
    const users = c.db('p').collection('users');
    await users.createIndex({ email: 1 }, { unique: true });
    await users.insertMany([
      { email: 'a', n: 1 },
      { email: 'b', n: 2 },
      { email: 'c', n: 3 },
    ]);
    await users.updateOne({ email: 'a' }, { $set: { n: 10 } });
    await users.deleteOne({ email: 'b' });
    await c.db('p').collection('gone').insertOne({ x: 1 });
    await c.db('p').dropCollection('gone');
    await c.close();
    await s.stop();
    s = await EmbeddedMongoServer.start({ dbPath: dir });
    c = await MongoClient.connect(`${s.uri}/p`);
    try {
      const docs = await c
        .db('p')
        .collection('users')
        .find({}, { projection: { _id: 0 } })
        .sort({ email: 1 })
        .toArray();
      expect(docs).toEqual([
        { email: 'a', n: 10 },
        { email: 'c', n: 3 },
      ]);
      expect((await c.db('p').listCollections().toArray()).map((x) => x.name)).toEqual(['users']);
      await expect(c.db('p').collection('users').insertOne({ email: 'a' })).rejects.toMatchObject({ code: 11000 });
    } finally {
      await c.close();
      await s.stop();
    }
  });

  it('fails start-up with a message naming a torn or overwritten data file, and never starts empty', async () => {
    const dir = tmpDir();
    const s = await EmbeddedMongoServer.start({ dbPath: dir });
    const c = await MongoClient.connect(`${s.uri}/t`);
    await c
      .db('t')
      .collection('x')
      .insertMany(Array.from({ length: 2000 }, (_, i) => ({ i, body: 'z'.repeat(300) })));
    await c.close();
    await s.stop();
    const file = path.join(dir, 'data.mdb');
    const whole = fs.readFileSync(file);
    fs.truncateSync(file, Math.floor(whole.length / 2)); // torn
    await expect(EmbeddedMongoServer.start({ dbPath: dir })).rejects.toThrow(`data file ${file} is torn or corrupt`);
    const garbage = Buffer.from(whole);
    garbage.fill(0x5a, 0, 8192); // both meta pages overwritten
    fs.writeFileSync(file, garbage);
    await expect(EmbeddedMongoServer.start({ dbPath: dir })).rejects.toThrow(/data\.mdb is torn or corrupt/);
    fs.writeFileSync(file, whole); // restored: starts with every document
    const again = await EmbeddedMongoServer.start({ dbPath: dir });
    const c2 = await MongoClient.connect(`${again.uri}/t`);
    expect(await c2.db('t').collection('x').countDocuments()).toBe(2000);
    await c2.close();
    await again.stop();
  });

  it('creates the data directory and its files private to the owner', async () => {
    const dir = path.join(tmpDir(), 'db');
    const s = await EmbeddedMongoServer.start({ dbPath: dir });
    await s.stop();
    expect(fs.statSync(dir).mode & 0o777).toBe(0o700);
    for (const f of ['data.mdb', 'lock.mdb']) expect(fs.statSync(path.join(dir, f)).mode & 0o777).toBe(0o600);
  });

  it('refuses a second open of the same directory and reports an unusable directory clearly', async () => {
    const dir = tmpDir();
    const s = await EmbeddedMongoServer.start({ dbPath: dir });
    await expect(EmbeddedMongoServer.start({ dbPath: dir })).rejects.toThrow(/already in use/);
    await s.stop();
    const again = await EmbeddedMongoServer.start({ dbPath: dir });
    await again.stop();
    const file = path.join(dir, 'a-file');
    fs.writeFileSync(file, 'x');
    await expect(EmbeddedMongoServer.start({ dbPath: path.join(file, 'db') })).rejects.toThrow(
      /data directory .* is not usable/,
    );
  });

  it('inMemory mode writes nothing to disk', async () => {
    const dir = tmpDir();
    const s = await EmbeddedMongoServer.start({ dbPath: dir, inMemory: true });
    const c = await MongoClient.connect(`${s.uri}/m`);
    await c.db('m').collection('x').insertOne({ a: 1 });
    await c.close();
    await s.stop();
    expect(fs.readdirSync(dir)).toEqual([]);
  });
});

import { EmbeddedMongoServer } from '@cloudvault/embedded-mongo';
import { MongoClient } from 'mongodb';
import {
  CODE_SCHEMA_VERSION,
  MIGRATIONS,
  OBSOLETE_LIMIT_COLLECTIONS,
} from '../../../api/src/infra/migrations/migrations';
import { migrate, SCHEMA_COLLECTION, SCHEMA_DOC_ID } from '../../../api/src/infra/migrations/migrations.service';
import { startTestApp } from '../support/test-app';

let db: EmbeddedMongoServer;
let client: MongoClient;
const version = async () =>
  (
    await client
      .db('migrations')
      .collection(SCHEMA_COLLECTION)
      .findOne({ _id: SCHEMA_DOC_ID as never })
  )?.['version'];

beforeAll(async () => {
  db = await EmbeddedMongoServer.start({ port: 0, inMemory: true });
  client = await MongoClient.connect(db.uri);
});
afterAll(async () => {
  await client.close();
  await db.stop();
});

describe('schema migrations at start-up', () => {
  it('records the schema version, runs again harmlessly, and refuses a database newer than the code', async () => {
    const env = { MONGO_URI: `${db.uri}/migrations` };
    const first = await startTestApp(env);
    await first.close();
    expect(await version()).toBe(CODE_SCHEMA_VERSION);
    const again = await startTestApp(env);
    await again.close();
    expect(await version()).toBe(CODE_SCHEMA_VERSION);

    await client
      .db('migrations')
      .collection(SCHEMA_COLLECTION)
      .updateOne({ _id: SCHEMA_DOC_ID as never }, { $set: { version: CODE_SCHEMA_VERSION + 1 } });
    await expect(startTestApp(env)).rejects.toThrow(/newer than this code/);
  });

  it('runs only the pending migrations, in order, each once', async () => {
    const target = client.db('pending');
    const ran: number[] = [];
    const steps = [1, 2, 3].map((v) => ({ version: v, description: `step ${v}`, up: async () => void ran.push(v) }));
    expect(await migrate(target, steps.slice(0, 2), () => undefined)).toBe(2);
    expect(await migrate(target, steps, () => undefined)).toBe(3);
    expect(await migrate(target, steps, () => undefined)).toBe(3);
    expect(ran).toEqual([1, 2, 3]);
  });

  it('version 2 drops the collections the sign-in back-off and the summary limit used to keep', async () => {
    const target = client.db('v1-limits');
    await target.collection('login_failures').insertOne({ key: 'k', account: 'a', at: new Date() });
    await target.collection('summary_requests').insertOne({ at: new Date() });
    await target.collection('users').insertOne({ email: 'kept@example.test' });
    expect(await migrate(target, MIGRATIONS.slice(0, 1), () => undefined)).toBe(1);
    const names = async () => (await target.listCollections({}, { nameOnly: true }).toArray()).map((c) => c.name);
    expect(await names()).toEqual(expect.arrayContaining(OBSOLETE_LIMIT_COLLECTIONS));

    expect(await migrate(target, MIGRATIONS.slice(0, 2), () => undefined)).toBe(2);
    expect((await names()).filter((n) => OBSOLETE_LIMIT_COLLECTIONS.includes(n))).toEqual([]);
    expect(await target.collection('users').countDocuments()).toBe(1);
    // idempotent: rerunning it (a crash before the version was recorded) on a database without them is harmless
    await MIGRATIONS[1].up(target);
    expect((await names()).sort()).toEqual([SCHEMA_COLLECTION, 'users']);
  });
});

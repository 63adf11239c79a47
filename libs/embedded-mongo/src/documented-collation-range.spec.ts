/**
 * Collated indexes answer string ranges and sorts (reference/collation, "collation and index use";
 * core/index-case-insensitive), through the official driver: the same queries on a collection without
 * indexes give the expected results, and explain shows which index was scanned with which bounds.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { deserialize, serialize } from 'bson';
import type { CollationOptions, Collection, Document } from 'mongodb';
import { MongoClient } from 'mongodb';
import { EmbeddedMongoServer } from './server';
import { encodeValue, u32 } from './storage/keystring';
import { ridBytes } from './storage/documents';
import { LmdbStorage } from './storage/lmdb-store';
import { startHarness, type Harness, type LooseDoc } from './testing/harness';
import { seededRandom } from './testing/seeded-random';

let h: Harness;
beforeAll(async () => {
  h = await startHarness('collation_range');
});
afterAll(() => h.close());

const rand = seededRandom(2026);
const letters = [...'aAàÁbBcCçdDeEéÈêfoOôÖöuUüsSßzZæ', ' ', '-'];
const word = () =>
  Array.from({ length: 1 + Math.floor(rand() * 5) }, () => letters[Math.floor(rand() * letters.length)]).join('');
const names = [...Array.from({ length: 300 }, word), 'a2', 'a10', 'a1', 'A2', 'a02', 'b1', 'Straße', 'strasse'];
const docs: LooseDoc[] = names.map((name, i) => ({ _id: i, name }));
docs.push({ _id: 1000, name: 7 }, { _id: 1001, name: null }, { _id: 1002 });

const en2: CollationOptions = { locale: 'en', strength: 2 };
const fr1: CollationOptions = { locale: 'fr', strength: 1 };
const deNumeric: CollationOptions = { locale: 'de', numericOrdering: true };
const collations = [
  ['name_en2', en2],
  ['name_fr1', fr1],
  ['name_de_numeric', deNumeric],
] as const;

let indexed: Collection<LooseDoc>;
let plain: Collection<LooseDoc>;
beforeAll(async () => {
  indexed = await h.load(docs);
  plain = await h.load(docs);
  for (const [name, collation] of collations) await indexed.createIndex({ name: 1, _id: 1 }, { name, collation });
});

const ids = (found: LooseDoc[]) => found.map((d) => d._id as number);
const winning = async (cursor: { explain(): Promise<Document> }): Promise<Document> => {
  const plan = (await cursor.explain()).queryPlanner.winningPlan as Document;
  return (plan.inputStage ?? plan) as Document;
};

const OPS = [['$gt'], ['$gte'], ['$lt'], ['$lte'], ['$gt', '$lt'], ['$gte', '$lte'], ['$gt', '$lte']] as const;
function rangeFilter(): Document {
  const [a, b] = [word(), word()].sort();
  const ops = OPS[Math.floor(rand() * OPS.length)];
  return { name: ops.length === 1 ? { [ops[0]]: a } : { [ops[0]]: a, [ops[1]]: b } };
}

describe('string ranges on a collated index (reference/collation#collation-and-index-use)', () => {
  it('return exactly what the same query returns on a collection without indexes, by an index range scan', async () => {
    for (const [indexName, collation] of collations) {
      for (let i = 0; i < 25; i++) {
        const f = rangeFilter();
        const got = ids(await indexed.find(f).collation(collation).sort({ _id: 1 }).toArray());
        const expected = ids(await plain.find(f).collation(collation).sort({ _id: 1 }).toArray());
        expect({ indexName, f, ids: got }).toEqual({ indexName, f, ids: expected });
        const stage = await winning(indexed.find(f).collation(collation));
        expect(stage).toMatchObject({ stage: 'IXSCAN', indexName });
      }
    }
  });

  it('numericOrdering: a1 < a2 < a10 (leading zeros ignored) in ranges and sorts', async () => {
    const found = await indexed
      .find({ name: { $gt: 'a1', $lte: 'a10' } })
      .collation(deNumeric)
      .sort({ name: 1, _id: 1 })
      .toArray();
    expect(found.map((d) => d.name)).toEqual(['a2', 'a02', 'A2', 'a10']);
    expect((await indexed.find({ name: 'a01' }).collation(deNumeric).toArray()).map((d) => d.name)).toEqual(['a1']);
  });

  it('explain shows the index and its bounds, inclusive at both ends (primary-equal strings share a key)', async () => {
    const stage = await winning(indexed.find({ name: { $gt: 'b', $lt: 'd' } }).collation(en2));
    expect(stage).toMatchObject({
      stage: 'IXSCAN',
      indexName: 'name_en2',
      collation: { locale: 'en', strength: 2 },
      indexBounds: { name: ['["b", "d"]'], _id: ['[MinKey, MaxKey]'] },
    });
    const open = await winning(indexed.find({ name: { $gte: 'b' } }).collation(fr1));
    expect(open).toMatchObject({ indexName: 'name_fr1', indexBounds: { name: ['["b", {}]'] } });
  });

  it('a query whose collation differs from every index does not use one for string bounds or sorts', async () => {
    for (const collation of [{ locale: 'sv', strength: 1 }, { locale: 'en', strength: 3 }, undefined]) {
      const f = { name: { $gt: 'b' } };
      const cursor = collation ? indexed.find(f).collation(collation) : indexed.find(f);
      expect(await winning(cursor)).toEqual({ stage: 'COLLSCAN', direction: 'forward' });
      const expected = collation ? plain.find(f).collation(collation) : plain.find(f);
      expect(ids(await cursor.sort({ _id: 1 }).toArray())).toEqual(ids(await expected.sort({ _id: 1 }).toArray()));
    }
    // bounds on numbers do not depend on the collation
    expect(await winning(indexed.find({ name: { $gt: 5 } }).collation({ locale: 'sv' }))).toMatchObject({
      stage: 'IXSCAN',
    });
  });
});

describe('sorts served by a collated index (reference/method/cursor.collation)', () => {
  it('sort (with and without limit, both directions) equals the sort of the unindexed collection', async () => {
    for (const [indexName, collation] of collations) {
      for (const dir of [1, -1] as const) {
        for (const limit of [0, 1, 7, 40]) {
          for (const f of [{}, rangeFilter()]) {
            const sort = { name: dir, _id: dir };
            const got = ids(await indexed.find(f).collation(collation).sort(sort).limit(limit).toArray());
            const expected = ids(await plain.find(f).collation(collation).sort(sort).limit(limit).toArray());
            expect({ indexName, dir, limit, f, ids: got }).toEqual({ indexName, dir, limit, f, ids: expected });
          }
        }
      }
      expect(await winning(indexed.find({}).collation(collation).sort({ name: 1, _id: 1 }))).toMatchObject({
        stage: 'IXSCAN',
        indexName,
      });
    }
  });

  it('case and accent variants keep the full collation order within a run of equal keys', async () => {
    const c = await h.load(['b', 'B', 'á', 'A', 'a', 'Á', 'à'].map((name, i) => ({ _id: i, name })));
    await c.createIndex({ name: 1 }, { collation: { locale: 'en', caseFirst: 'upper' } });
    const collation = { locale: 'en', caseFirst: 'upper' } as const;
    const found = await c.find({}).collation(collation).sort({ name: 1 }).limit(3).toArray();
    expect(found.map((d) => d.name)).toEqual(['A', 'a', 'Á']);
    expect(await winning(c.find({}).collation(collation).sort({ name: 1 }))).toMatchObject({ stage: 'IXSCAN' });
    const desc = await c.find({}).collation(collation).sort({ name: -1 }).toArray();
    expect(desc.map((d) => d.name)).toEqual(['b', 'B', 'à', 'á', 'Á', 'a', 'A']);
  });
});

describe('collated indexes written in an older key format', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'em-collation-format-'));
  const open: Array<{ close(): Promise<void> }> = [];
  const logged: string[] = [];
  const start = async () => {
    const server = await EmbeddedMongoServer.start({
      dbPath: dir,
      logger: { log: (m) => logged.push(m), error: () => undefined },
    });
    open.push({ close: () => server.stop() });
    const client = await MongoClient.connect(`${server.uri}/old`);
    open.push({ close: () => client.close() });
    return client;
  };
  const stopAll = async () => {
    for (const o of open.splice(0).reverse()) await o.close();
  };
  afterAll(async () => {
    await stopAll();
    fs.rmSync(dir, { recursive: true, force: true });
  });
  const people = ['Émile', 'emile', 'Zoë', 'anna', 'Bob'];

  it('are rebuilt when the data directory is opened, and then answer ranges correctly', async () => {
    let client = await start();
    await client
      .db('old')
      .collection<LooseDoc>('people')
      .insertMany(people.map((name, i) => ({ _id: i, name })));
    await client.db('old').collection('people').createIndex({ name: 1 }, { name: 'name_ci', collation: en2 });
    await stopAll();

    // what an older version wrote: the raw strings as keys, no key format in the catalog
    const store = LmdbStorage.open({ dbPath: dir });
    await store.write(() => {
      const catalog = deserialize(store.getMeta('catalog') as Buffer);
      const meta = catalog.dbs.old.people.indexes.find((m: Document) => m.spec.name === 'name_ci');
      delete meta.keyFormat;
      delete meta.looseOrder;
      store.putMeta('catalog', Buffer.from(serialize(catalog)));
      const prefix = u32(meta.id);
      for (const key of [...store.index.getKeys({ start: prefix, end: u32(meta.id + 1) })]) store.index.removeSync(key);
      people.forEach((name, i) =>
        store.index.putSync(Buffer.concat([prefix, encodeValue(name), ridBytes(i + 1)]), ridBytes(i + 1)),
      );
    });
    await store.close();

    client = await start();
    expect(logged.join('\n')).toContain('rebuilt collated indexes in the current key format: old.people.name_ci');
    expect(await client.db('old').command({ validate: 'people' })).toMatchObject({ valid: true });
    const found = await client
      .db('old')
      .collection('people')
      .find({ name: { $gte: 'b', $lt: 'f' } })
      .collation(en2)
      .sort({ name: 1 })
      .toArray();
    expect(found.map((d) => d.name)).toEqual(['Bob', 'emile', 'Émile']);
    await stopAll();

    // reopened in the current format: nothing to rebuild
    logged.length = 0;
    await start();
    expect(logged.join('\n')).not.toContain('rebuilt');
  });
});

/**
 * Collation through the official driver, following the manual's examples (reference/collation,
 * reference/collation-locales-defaults, core/index-case-insensitive, reference/method/cursor.collation).
 */
import type { CollationOptions } from 'mongodb';
import { startHarness, type Harness, type LooseDoc } from './testing/harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness('collation');
});
afterAll(() => h.close());

const load = (docs: LooseDoc[]) => h.load(docs);
const ids = (docs: LooseDoc[]) => docs.map((d) => d._id);

// reference/collation: "Collation Document" examples
const cafes = [
  { _id: 1, category: 'café', status: 'A' },
  { _id: 2, category: 'cafe', status: 'a' },
  { _id: 3, category: 'cafE', status: 'a' },
];

describe('strength (reference/collation#std-label-collation-document-fields)', () => {
  it('strength 1 ignores case and accents, 2 ignores case only, 3 (the default) neither', async () => {
    const c = await load(cafes);
    const q = { category: 'cafe' };
    expect(ids(await c.find(q).collation({ locale: 'fr', strength: 1 }).sort({ _id: 1 }).toArray())).toEqual([1, 2, 3]);
    expect(ids(await c.find(q).collation({ locale: 'fr', strength: 2 }).sort({ _id: 1 }).toArray())).toEqual([2, 3]);
    expect(ids(await c.find(q).collation({ locale: 'fr' }).toArray())).toEqual([2]);
    expect(ids(await c.find(q).toArray())).toEqual([2]);
  });
  it('caseLevel with strength 1 tells case apart but not accents', async () => {
    const c = await load(cafes);
    const found = await c
      .find({ category: 'cafe' })
      .collation({ locale: 'fr', strength: 1, caseLevel: true })
      .toArray();
    expect(ids(found).sort()).toEqual([1, 2]);
  });
  it('range operators and $in compare with the collation', async () => {
    const c = await load([
      { _id: 1, s: 'apple' },
      { _id: 2, s: 'Banana' },
      { _id: 3, s: 'cherry' },
    ]);
    const ci = { locale: 'en', strength: 2 };
    expect(
      ids(
        await c
          .find({ s: { $gt: 'b' } })
          .collation(ci)
          .sort({ _id: 1 })
          .toArray(),
      ),
    ).toEqual([2, 3]);
    expect(
      ids(
        await c
          .find({ s: { $gt: 'b' } })
          .sort({ _id: 1 })
          .toArray(),
      ),
    ).toEqual([3]);
    expect(
      ids(
        await c
          .find({ s: { $in: ['APPLE', 'CHERRY'] } })
          .collation(ci)
          .sort({ _id: 1 })
          .toArray(),
      ),
    ).toEqual([1, 3]);
  });
});

describe('sorting (reference/method/cursor.collation)', () => {
  it('sorts by the locale: case-insensitive order, caseFirst upper, numericOrdering', async () => {
    const c = await load([
      { _id: 1, s: 'b' },
      { _id: 2, s: 'B' },
      { _id: 3, s: 'a' },
      { _id: 4, s: 'A' },
    ]);
    expect(ids(await c.find().sort({ s: 1 }).toArray())).toEqual([4, 2, 3, 1]);
    expect(ids(await c.find().sort({ s: 1 }).collation({ locale: 'en' }).toArray())).toEqual([3, 4, 1, 2]);
    expect(ids(await c.find().sort({ s: 1 }).collation({ locale: 'en', caseFirst: 'upper' }).toArray())).toEqual([
      4, 3, 2, 1,
    ]);
    const n = await load([
      { _id: 1, v: '10' },
      { _id: 2, v: '2' },
      { _id: 3, v: '1' },
    ]);
    expect(ids(await n.find().sort({ v: 1 }).toArray())).toEqual([3, 1, 2]);
    expect(ids(await n.find().sort({ v: 1 }).collation({ locale: 'en', numericOrdering: true }).toArray())).toEqual([
      3, 2, 1,
    ]);
  });
  it('numericOrdering compares digit runs as numbers in equality too', async () => {
    const c = await load([{ _id: 1, v: '007' }]);
    expect(await c.countDocuments({ v: '7' }, { collation: { locale: 'en', numericOrdering: true } })).toBe(1);
    expect(await c.countDocuments({ v: '7' })).toBe(0);
  });
  it('alternate "shifted" ignores spaces and punctuation; maxVariable "space" only spaces', async () => {
    const c = await load([
      { _id: 1, s: 'black bird' },
      { _id: 2, s: 'black-bird' },
      { _id: 3, s: 'blackbird' },
    ]);
    const punct = { locale: 'en', alternate: 'shifted' as const };
    expect(ids(await c.find({ s: 'blackbird' }).collation(punct).sort({ _id: 1 }).toArray())).toEqual([1, 2, 3]);
    const space = { locale: 'en', alternate: 'shifted' as const, maxVariable: 'space' as const };
    expect(ids(await c.find({ s: 'blackbird' }).collation(space).sort({ _id: 1 }).toArray())).toEqual([1, 3]);
  });
  it('backwards compares accents from the end of the string (French Canadian order)', async () => {
    const c = await load(['cote', 'côte', 'coté', 'côté'].map((s, i) => ({ _id: i, s })));
    const sorted = async (collation: CollationOptions) =>
      (await c.find().sort({ s: 1 }).collation(collation).toArray()).map((d) => d.s);
    expect(await sorted({ locale: 'fr' })).toEqual(['cote', 'coté', 'côte', 'côté']);
    expect(await sorted({ locale: 'fr', backwards: true })).toEqual(['cote', 'côte', 'coté', 'côté']);
  });
});

describe('every read and write command takes a collation', () => {
  const ci = { locale: 'en', strength: 2 };
  it('count, distinct and aggregate ($match, $sort, $group comparisons)', async () => {
    const c = await load([
      { _id: 1, s: 'Apple' },
      { _id: 2, s: 'apple' },
      { _id: 3, s: 'Pear' },
    ]);
    expect(await c.countDocuments({ s: 'APPLE' }, { collation: ci })).toBe(2);
    expect(await c.distinct('s', {}, { collation: ci })).toHaveLength(2);
    expect(await c.distinct('s')).toHaveLength(3);
    const agg = await c
      .aggregate([{ $match: { s: 'apple' } }, { $sort: { _id: -1 } }, { $project: { eq: { $eq: ['$s', 'APPLE'] } } }], {
        collation: ci,
      })
      .toArray();
    expect(agg).toEqual([
      { _id: 2, eq: true },
      { _id: 1, eq: true },
    ]);
  });
  it('updateMany, deleteOne, findOneAndUpdate, replaceOne and bulkWrite', async () => {
    const c = await load([
      { _id: 1, s: 'Apple' },
      { _id: 2, s: 'apple' },
      { _id: 3, s: 'Pear' },
    ]);
    expect((await c.updateMany({ s: 'APPLE' }, { $set: { hit: true } }, { collation: ci })).modifiedCount).toBe(2);
    expect((await c.updateMany({ s: 'APPLE' }, { $set: { miss: true } })).matchedCount).toBe(0);
    const found = await c.findOneAndUpdate(
      { s: 'PEAR' },
      { $set: { v: 1 } },
      { collation: ci, returnDocument: 'after' },
    );
    expect(found).toEqual({ _id: 3, s: 'Pear', v: 1 });
    expect((await c.replaceOne({ s: 'pear' }, { s: 'pear' }, { collation: ci })).modifiedCount).toBe(1);
    const bulk = await c.bulkWrite([
      { updateOne: { filter: { s: 'APPLE' }, update: { $set: { b: 1 } }, collation: ci } },
      { deleteMany: { filter: { s: 'APPLE' }, collation: ci } },
    ]);
    expect({ m: bulk.modifiedCount, d: bulk.deletedCount }).toEqual({ m: 1, d: 2 });
    expect((await c.deleteOne({ s: 'PEAR' }, { collation: ci })).deletedCount).toBe(1);
    expect(await c.countDocuments()).toBe(0);
  });
  it('an invalid collation is refused before anything runs', async () => {
    const c = await load([{ _id: 1 }]);
    await expect(c.find().collation({ locale: 'en', strength: 6 }).toArray()).rejects.toMatchObject({ code: 2 });
    await expect(c.find().collation({ locale: 'xx_nowhere' }).toArray()).rejects.toMatchObject({ code: 2 });
    await expect(
      c
        .find()
        .collation({ strength: 1 } as never)
        .toArray(),
    ).rejects.toMatchObject({ code: 40414 });
    await expect(
      c
        .find()
        .collation({ locale: 'en', colour: 1 } as never)
        .toArray(),
    ).rejects.toMatchObject({
      code: 40415,
    });
    await expect(c.deleteMany({}, { collation: { locale: 'en', strength: 9 } })).rejects.toMatchObject({ code: 2 });
    expect(await c.countDocuments()).toBe(1);
  });
});

describe('indexes with a collation (core/index-case-insensitive, reference/collation#collation-and-index-use)', () => {
  it('a case-insensitive unique index refuses "A" beside "a" and answers equality with an index scan', async () => {
    const c = h.coll(h.freshName());
    await c.createIndex({ email: 1 }, { unique: true, collation: { locale: 'en', strength: 2 } });
    await c.insertOne({ _id: 1, email: 'Ann@Example.com' });
    await expect(c.insertOne({ _id: 2, email: 'ann@example.COM' })).rejects.toMatchObject({ code: 11000 });
    await c.insertOne({ _id: 3, email: 'bob@example.com' });
    const ci = { locale: 'en', strength: 2 };
    expect(ids(await c.find({ email: 'ANN@example.com' }).collation(ci).toArray())).toEqual([1]);
    const plan = await c.find({ email: 'ANN@example.com' }).collation(ci).explain();
    expect(JSON.stringify(plan.queryPlanner.winningPlan)).toContain('IXSCAN');
    // without the index's collation the string bounds cannot use it
    const simple = await c.find({ email: 'Ann@Example.com' }).explain();
    expect(JSON.stringify(simple.queryPlanner.winningPlan)).toContain('COLLSCAN');
    expect(ids(await c.find({ email: 'Ann@Example.com' }).toArray())).toEqual([1]);
    expect((await c.indexes()).find((i) => i.name === 'email_1')?.collation).toMatchObject({
      locale: 'en',
      strength: 2,
      caseLevel: false,
      caseFirst: 'off',
      numericOrdering: false,
      alternate: 'non-ignorable',
      maxVariable: 'punct',
      normalization: false,
      backwards: false,
      version: '57.1',
    });
  });
  it('strength 3 unique index allows case variants; accents fold in the keys but stay distinct', async () => {
    const c = h.coll(h.freshName());
    await c.createIndex({ s: 1 }, { unique: true, collation: { locale: 'en' } });
    await c.insertMany([
      { _id: 1, s: 'resume' },
      { _id: 2, s: 'Resume' },
      { _id: 3, s: 'résumé' },
    ]);
    await expect(c.insertOne({ _id: 4, s: 'résumé' })).rejects.toMatchObject({ code: 11000 });
    expect(ids(await c.find({ s: 'resume' }).collation({ locale: 'en', strength: 1 }).toArray())).toHaveLength(3);
    expect(ids(await c.find({ s: 'RESUME' }).collation({ locale: 'en' }).toArray())).toEqual([]);
    expect((await h.db.command({ validate: c.collectionName })).valid).toBe(true);
  });
  it('two indexes on one key may differ in collation only', async () => {
    const c = h.coll(h.freshName());
    await c.createIndex({ s: 1 });
    await c.createIndex({ s: 1 }, { name: 's_fr', collation: { locale: 'fr' } });
    expect((await c.indexes()).map((i) => i.name)).toEqual(['_id_', 's_1', 's_fr']);
  });
  it('numbers in a collated index are bounded as usual', async () => {
    const c = h.coll(h.freshName());
    await c.createIndex({ v: 1 }, { collation: { locale: 'en', strength: 1 } });
    await c.insertMany([{ v: 1 }, { v: 'x' }, { v: 5 }]);
    const plan = await c.find({ v: { $gt: 2 } }).explain();
    expect(JSON.stringify(plan.queryPlanner.winningPlan)).toContain('IXSCAN');
    expect((await c.find({ v: { $gt: 2 } }).toArray()).map((d) => d.v)).toEqual([5]);
  });
});

describe('a collection default collation (reference/method/db.createCollection#specify-collation)', () => {
  it('applies to queries and new indexes unless a command names another', async () => {
    const name = h.freshName();
    await h.db.createCollection(name, { collation: { locale: 'en', strength: 2 } });
    const c = h.coll(name);
    await c.insertMany([
      { _id: 1, s: 'Bob' },
      { _id: 2, s: 'bob' },
    ]);
    expect(await c.countDocuments({ s: 'BOB' })).toBe(2);
    expect(await c.countDocuments({ s: 'BOB' }, { collation: { locale: 'simple' } })).toBe(0);
    await c.createIndex({ s: 1 });
    const ix = (await c.indexes()).find((i) => i.name === 's_1');
    expect(ix?.collation).toMatchObject({ locale: 'en', strength: 2 });
    const [info] = await h.db.listCollections({ name }).toArray();
    expect((info as { options: LooseDoc }).options.collation).toMatchObject({ locale: 'en', strength: 2 });
    expect(ids(await c.find({ s: 'BOB' }).sort({ _id: -1 }).toArray())).toEqual([2, 1]);
  });
});

describe('grouping under a collation (reference/collation#operations-that-support-collation)', () => {
  it('$group puts values equal under the collation in one group; $addToSet keeps one of them', async () => {
    const c = await load([
      { _id: 1, s: 'Apple' },
      { _id: 2, s: 'apple' },
      { _id: 3, s: 'Pear' },
    ]);
    const ci = { locale: 'en', strength: 2 };
    const groups = await c
      .aggregate([{ $sort: { _id: 1 } }, { $group: { _id: '$s', n: { $sum: 1 } } }, { $sort: { n: -1 } }], {
        collation: ci,
      })
      .toArray();
    expect(groups).toEqual([
      { _id: 'Apple', n: 2 },
      { _id: 'Pear', n: 1 },
    ]);
    const [set] = await c
      .aggregate([{ $sort: { _id: 1 } }, { $group: { _id: null, s: { $addToSet: '$s' } } }], { collation: ci })
      .toArray();
    expect(set.s).toHaveLength(2);
    expect(await c.aggregate([{ $group: { _id: '$s' } }]).toArray()).toHaveLength(3);
  });
});

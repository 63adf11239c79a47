/**
 * `$lookup` equality joins through the official driver, with the manual's examples and documented results
 * (reference/operator/aggregation/lookup). The join reads only the other collection's documents its keys
 * select (engine/lookup-join.ts); these cases hold it to the documented matches and their order.
 */
import { Long } from 'mongodb';
import { startHarness, type Harness } from './testing/harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness('lookup');
});
afterAll(() => h.close());

describe('$lookup with localField and foreignField', () => {
  it('a single equality join: a missing local field matches null and missing foreign fields', async () => {
    const inventory = await h.load([
      { _id: 1, sku: 'almonds', description: 'product 1', instock: 120 },
      { _id: 2, sku: 'bread', description: 'product 2', instock: 80 },
      { _id: 3, sku: 'cashews', description: 'product 3', instock: 60 },
      { _id: 4, sku: 'pecans', description: 'product 4', instock: 70 },
      { _id: 5, sku: null, description: 'Incomplete' },
      { _id: 6 },
    ]);
    const orders = await h.load([
      { _id: 1, item: 'almonds', price: 12, quantity: 2 },
      { _id: 2, item: 'pecans', price: 20, quantity: 1 },
      { _id: 3 },
    ]);
    const out = await orders
      .aggregate([
        { $lookup: { from: inventory.collectionName, localField: 'item', foreignField: 'sku', as: 'inventory_docs' } },
      ])
      .toArray();
    expect(out.map((o) => [o._id, o.inventory_docs.map((d: { _id: number }) => d._id)])).toEqual([
      [1, [1]],
      [2, [4]],
      [3, [5, 6]],
    ]);
  });

  it('an array local field joins every element, listed in the order the other collection is read', async () => {
    const members = await h.load([
      { _id: 1, name: 'artie', status: 'A' },
      { _id: 2, name: 'giraffe', status: 'D' },
      { _id: 3, name: 'giraffe1', status: 'A' },
      { _id: 4, name: 'panda', status: 'A' },
      { _id: 5, name: 'pandabear', status: 'A' },
      { _id: 6, name: 'giraffe2', status: 'D' },
    ]);
    const classes = await h.load([
      { _id: 1, title: 'Reading is ...', enrollmentlist: ['giraffe2', 'pandabear', 'artie'] },
      { _id: 2, title: 'But Writing ...', enrollmentlist: ['giraffe1', 'artie'] },
    ]);
    const join = {
      $lookup: {
        from: members.collectionName,
        localField: 'enrollmentlist',
        foreignField: 'name',
        as: 'enrollee_info',
      },
    };
    const ids = async () =>
      (await classes.aggregate([join]).toArray()).map((c) => c.enrollee_info.map((m: { _id: number }) => m._id));
    expect(await ids()).toEqual([
      [1, 5, 6],
      [1, 3],
    ]);
    // with an index on the foreign field, the read (and so the list) follows the index
    await members.createIndex({ name: 1 });
    expect(await ids()).toEqual([
      [1, 6, 5],
      [1, 3],
    ]);
  });

  it('joins through dotted paths, array foreign fields and numbers of different types', async () => {
    const products = await h.load([
      { _id: 'p1', codes: [10, 20] },
      { _id: 'p2', codes: [30] },
      { _id: 'p3', code: Long.fromNumber(40) },
      { _id: 'p4', codes: [] },
    ]);
    const lines = await h.load([
      { _id: 1, order: { lines: [{ code: 20 }, { code: 30 }] } },
      { _id: 2, order: { lines: [{ code: 99 }] } },
    ]);
    const byLine = await lines
      .aggregate([
        { $lookup: { from: products.collectionName, localField: 'order.lines.code', foreignField: 'codes', as: 'p' } },
      ])
      .toArray();
    expect(byLine.map((l) => [l._id, l.p.map((p: { _id: string }) => p._id)])).toEqual([
      [1, ['p1', 'p2']],
      [2, []],
    ]);
    const refs = await h.load([{ _id: 1, code: 40 }]);
    const numeric = await refs
      .aggregate([{ $lookup: { from: products.collectionName, localField: 'code', foreignField: 'code', as: 'p' } }])
      .toArray();
    expect(numeric[0].p.map((p: { _id: string }) => p._id)).toEqual(['p3']);
  });

  it('compares strings with the aggregation’s collation', async () => {
    const skus = await h.load([
      { _id: 1, sku: 'Almonds' },
      { _id: 2, sku: 'almonds' },
      { _id: 3, sku: 'pecans' },
    ]);
    const orders = await h.load([{ _id: 1, item: 'ALMONDS' }]);
    const join = { $lookup: { from: skus.collectionName, localField: 'item', foreignField: 'sku', as: 's' } };
    const ids = async (collation?: { locale: string; strength: number }) =>
      (await orders.aggregate([join], collation ? { collation } : {}).toArray())[0].s.map(
        (d: { _id: number }) => d._id,
      );
    expect(await ids()).toEqual([]);
    expect(await ids({ locale: 'en', strength: 2 })).toEqual([1, 2]);
  });

  it('a join after $match/$sort/$limit sees only the page, and a missing collection joins nothing', async () => {
    const users = await h.load(Array.from({ length: 300 }, (_, i) => ({ _id: i, name: `user ${i}` })));
    const events = await h.load(Array.from({ length: 1000 }, (_, i) => ({ _id: i, actor: i % 300, at: i })));
    const page = await events
      .aggregate([
        { $sort: { at: -1 } },
        { $limit: 3 },
        { $lookup: { from: users.collectionName, localField: 'actor', foreignField: '_id', as: 'who' } },
        { $unwind: '$who' },
        { $project: { _id: 1, name: '$who.name' } },
      ])
      .toArray();
    expect(page).toEqual([
      { _id: 999, name: 'user 99' },
      { _id: 998, name: 'user 98' },
      { _id: 997, name: 'user 97' },
    ]);
    const none = await events
      .aggregate([
        { $limit: 1 },
        { $lookup: { from: 'noSuchCollection', localField: 'actor', foreignField: '_id', as: 'x' } },
      ])
      .toArray();
    expect(none[0].x).toEqual([]);
  });
});

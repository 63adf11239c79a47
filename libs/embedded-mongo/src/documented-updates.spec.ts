/**
 * Update operators as the MongoDB manual documents them (https://www.mongodb.com/docs/manual/reference/operator/update/...);
 * conformance.spec.ts and documented-behaviour.spec.ts hold the other cases.
 */
import { startHarness, type Harness, type LooseDoc } from './testing/harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness('documented_updates');
});
afterAll(() => h.close());

const load = (docs: LooseDoc[]) => h.load(docs);

describe('$rename (reference/operator/update/rename)', () => {
  it('renames embedded fields, and fails with 2 for a field inside an array element or a rename to itself', async () => {
    const c = await load([{ _id: 1, a: { b: 1 }, arr: [{ x: 1 }], n: 1 }]);
    await c.updateOne({ _id: 1 }, { $rename: { 'a.b': 'c.d' } });
    expect(await c.findOne({ _id: 1 })).toEqual({ _id: 1, a: {}, arr: [{ x: 1 }], n: 1, c: { d: 1 } });
    await expect(c.updateOne({ _id: 1 }, { $rename: { 'arr.x': 'y' } })).rejects.toMatchObject({ code: 2 });
    await expect(c.updateOne({ _id: 1 }, { $rename: { n: 'arr.n' } })).rejects.toMatchObject({ code: 2 });
    await expect(c.updateOne({ _id: 1 }, { $rename: { n: 'n' } })).rejects.toMatchObject({ code: 2 });
    expect(await c.findOne({ _id: 1 })).toEqual({ _id: 1, a: {}, arr: [{ x: 1 }], n: 1, c: { d: 1 } });
  });
});

describe('update paths (reference/operator/update, field names)', () => {
  it('an empty update path or an empty path component fails with 56 EmptyFieldName', async () => {
    const c = await load([{ _id: 1 }]);
    await expect(c.updateOne({ _id: 1 }, { $set: { '': 1 } })).rejects.toMatchObject({ code: 56 });
    await expect(c.updateOne({ _id: 1 }, { $inc: { 'a..b': 1 } })).rejects.toMatchObject({ code: 56 });
    expect(await c.findOne({ _id: 1 })).toEqual({ _id: 1 });
  });
});

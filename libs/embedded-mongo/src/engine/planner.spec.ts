import { Collection } from './collection';
import { boundsFor } from './planner';
import { readDocs } from './reader';

function collection(n: number): Collection {
  const c = new Collection('db', 'c');
  c.createIndex({ name: 'a_1', key: { a: 1 } });
  c.createIndex({ name: 'b_1', key: { b: 1 }, unique: true });
  c.createIndex({ name: 's_1', key: { s: 1 }, sparse: true });
  for (let i = 0; i < n; i++) c.insert({ _id: i, a: i % 10, b: i, s: i % 2 ? i : undefined, tags: [i % 3, 'x'] });
  return c;
}

describe('query planner', () => {
  it('derives bounds from equality, $eq, $in and type-bracketed ranges', () => {
    expect(boundsFor(5)).toEqual([{ eq: 5 }]);
    expect(boundsFor({ $eq: 'x' })).toEqual([{ eq: 'x' }]);
    expect(boundsFor({ $in: [1, 2] })).toEqual([{ eq: 1 }, { eq: 2 }]);
    expect(boundsFor({ $gt: 1, $lte: 9 })).toMatchObject([{ low: { value: 1, inclusive: false }, high: { value: 9, inclusive: true } }]);
    expect(boundsFor({ $gt: 1, $lt: 'z' })).toBeNull(); // different types: no single bracket
    expect(boundsFor(/re/)).toBeNull();
    expect(boundsFor({ $ne: 1 })).toBeNull();
    expect(boundsFor([1, 2])).toBeNull();
  });

  it('prefers _id, then a unique equality, then other equalities, then ranges', () => {
    const c = collection(50);
    expect(c.plan({ _id: 3 }).stage).toBe('IDHACK');
    expect(c.plan({ a: 3, b: 7 }).index?.name).toBe('b_1');
    expect(c.plan({ a: 3, b: { $gt: 7 } }).index?.name).toBe('a_1');
    expect(c.plan({ c: 1 }).stage).toBe('COLLSCAN');
    expect(c.plan({ s: 1 }).stage).toBe('COLLSCAN'); // sparse indexes are not used to answer queries
    expect(c.plan({}, { a: -1 })).toMatchObject({ stage: 'IXSCAN', sorted: true, reverse: true });
    expect(c.plan({ $or: [{ a: 1 }, { b: { $gt: 40 } }] }).stage).toBe('OR');
    expect(c.plan({ $or: [{ a: 1 }, { c: 1 }] }).stage).toBe('COLLSCAN');
  });

  it('returns exactly what a collection scan returns', () => {
    const c = collection(200);
    const filters = [{ a: 3 }, { a: { $gte: 2, $lt: 5 } }, { b: { $in: [5, 150, 999] } }, { a: { $gt: 7 }, b: { $lt: 100 } }, { a: null }, { tags: 2 }, { $or: [{ a: 1 }, { b: { $gte: 150 } }, { _id: 3 }] }, { $or: [{ a: 1 }, { b: 11 }], tags: 2 }];
    for (const f of filters) {
      const viaIndex = readDocs(c, { filter: f, sort: { b: 1 } }).docs.map((d) => d._id);
      const scan = [...c.docs.values()].filter((d) => readDocs(c, { filter: { _id: d._id, ...f } }).docs.length).map((d) => d._id);
      expect(viaIndex).toEqual(scan);
    }
    const r = readDocs(c, { filter: { a: 4 } });
    expect(r.plan.index?.name).toBe('a_1');
    expect(r.docsExamined).toBe(20);
  });
});

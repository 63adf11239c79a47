import type { Collection } from './collection';
import { scratchCollection, type Scratch } from '../testing/scratch-collection';
import { boundsFor } from './planner';
import { readDocs } from './reader';

const open: Scratch[] = [];
afterAll(() => Promise.all(open.map((s) => s.close())));

async function collection(n: number): Promise<Collection> {
  const s = await scratchCollection('c', (c) => {
    c.createIndex({ name: 'a_1', key: { a: 1 } });
    c.createIndex({ name: 'b_1', key: { b: 1 }, unique: true });
    c.createIndex({ name: 's_1', key: { s: 1 }, sparse: true });
    for (let i = 0; i < n; i++) c.insert({ _id: i, a: i % 10, b: i, s: i % 2 ? i : undefined, tags: [i % 3, 'x'] });
  });
  open.push(s);
  return s.c;
}

describe('query planner', () => {
  it('derives bounds from equality, $eq, $in and type-bracketed ranges', () => {
    expect(boundsFor(5)).toEqual([{ eq: 5 }]);
    expect(boundsFor({ $eq: 'x' })).toEqual([{ eq: 'x' }]);
    expect(boundsFor({ $in: [1, 2] })).toEqual([{ eq: 1 }, { eq: 2 }]);
    expect(boundsFor({ $gt: 1, $lte: 9 })).toMatchObject([
      { low: { value: 1, inclusive: false }, high: { value: 9, inclusive: true } },
    ]);
    expect(boundsFor({ $gt: 1, $lt: 'z' })).toBeNull(); // different types: no single bracket
    expect(boundsFor(/re/)).toBeNull();
    expect(boundsFor({ $ne: 1 })).toBeNull();
    expect(boundsFor([1, 2])).toBeNull();
  });

  it('prefers _id, then a unique equality, then other equalities, then ranges', async () => {
    const c = await collection(50);
    expect(c.plan({ _id: 3 }).stage).toBe('IDHACK');
    expect(c.plan({ a: 3, b: 7 }).index?.name).toBe('b_1');
    expect(c.plan({ a: 3, b: { $gt: 7 } }).index?.name).toBe('a_1');
    expect(c.plan({ c: 1 }).stage).toBe('COLLSCAN');
    expect(c.plan({ s: 1 }).stage).toBe('COLLSCAN'); // sparse indexes are not used to answer queries
    expect(c.plan({}, { a: -1 })).toMatchObject({ stage: 'IXSCAN', sorted: true, reverse: true });
    expect(c.plan({ $or: [{ a: 1 }, { b: { $gt: 40 } }] }).stage).toBe('OR');
    expect(c.plan({ $or: [{ a: 1 }, { c: 1 }] }).stage).toBe('COLLSCAN');
  });

  it('returns exactly what a collection scan returns', async () => {
    const c = await collection(200);
    const filters = [
      { a: 3 },
      { a: { $gte: 2, $lt: 5 } },
      { b: { $in: [5, 150, 999] } },
      { a: { $gt: 7 }, b: { $lt: 100 } },
      { a: null },
      { tags: 2 },
      { $or: [{ a: 1 }, { b: { $gte: 150 } }, { _id: 3 }] },
      { $or: [{ a: 1 }, { b: 11 }], tags: 2 },
    ];
    for (const f of filters) {
      const viaIndex = readDocs(c, { filter: f, sort: { b: 1 } }).docs.map((d) => d._id);
      const scan = [...c.all()]
        .filter((d) => readDocs(c, { filter: { _id: d._id, ...f } }).docs.length)
        .map((d) => d._id);
      expect(viaIndex).toEqual(scan);
    }
    const r = readDocs(c, { filter: { a: 4 } });
    expect(r.plan.index?.name).toBe('a_1');
    expect(r.docsExamined).toBe(20);
  });
});

describe('query planner: compound indexes (equality prefix and multi-key sorts)', () => {
  // the shape of the app's per-patient lists: newest first, ties broken by _id
  let c: Collection;
  const docs = Array.from({ length: 600 }, (_, i) => ({
    _id: i,
    p: i % 3,
    type: ['bp', 'hr'][i % 2],
    t: new Date(Date.UTC(2026, 0, 1) + (i % 50) * 3600_000),
  }));
  beforeAll(async () => {
    const s = await scratchCollection('vitals', (v) => {
      v.createIndex({ name: 'p_1_type_1_t_-1__id_-1', key: { p: 1, type: 1, t: -1, _id: -1 } });
      v.createIndex({ name: 'p_1_t_-1__id_-1', key: { p: 1, t: -1, _id: -1 } });
      docs.forEach((d) => v.insert({ ...d }));
    });
    open.push(s);
    c = s.c;
  });
  const brute = (match: (d: (typeof docs)[number]) => boolean, dir: 1 | -1) =>
    docs
      .filter(match)
      .sort((a, b) => dir * (a.t.getTime() - b.t.getTime()) || dir * (a._id - b._id))
      .map((d) => d._id);

  it.each([-1, 1] as const)(
    'serves {t, _id} sorts (dir %i) from the {p, t, _id} index after equality on p, stopping at the limit',
    (dir) => {
      const plan = c.plan({ p: 1 }, { t: dir, _id: dir });
      expect(plan).toMatchObject({ stage: 'IXSCAN', sorted: true });
      expect(plan.index?.name).toBe('p_1_t_-1__id_-1');
      const res = readDocs(c, { filter: { p: 1 }, sort: { t: dir, _id: dir }, limit: 20 });
      expect(res.docs.map((d) => d._id)).toEqual(brute((d) => d.p === 1, dir).slice(0, 20));
      expect(res.docsExamined).toBe(20);
    },
  );

  it('narrows the scan to a compound equality prefix and still yields the sort', () => {
    const plan = c.plan({ p: 2, type: 'hr' }, { t: -1, _id: -1 });
    expect(plan).toMatchObject({ stage: 'IXSCAN', sorted: true });
    expect(plan.index?.name).toBe('p_1_type_1_t_-1__id_-1');
    expect(plan.bounds).toEqual([{ eq: 2, prefix: ['hr'] }]);
    expect(c.plan({ p: 2, type: 'hr' }, { t: 1 }).sorted).toBe(true);
  });

  it.each([-1, 1] as const)(
    'narrows to a range on the field after the prefix, examining only matches (dir %i)',
    (dir) => {
      const lo = new Date(Date.UTC(2026, 0, 1, 5));
      const hi = new Date(Date.UTC(2026, 0, 2));
      for (const t of [{ $lt: hi }, { $gte: lo }, { $gt: lo, $lte: hi }]) {
        const res = readDocs(c, { filter: { p: 2, type: 'hr', t }, sort: { t: dir, _id: dir } });
        const expected = brute(
          (d) =>
            d.p === 2 &&
            d.type === 'hr' &&
            (!t.$lt || d.t < t.$lt) &&
            (!t.$gte || d.t >= t.$gte) &&
            (!t.$gt || d.t > t.$gt) &&
            (!t.$lte || d.t <= t.$lte),
          dir,
        );
        expect(res.docs.map((d) => d._id)).toEqual(expected);
        expect(res.docsExamined).toBe(expected.length);
      }
      // without a type, the {p, t, _id} index narrows to the range the same way
      const res = readDocs(c, { filter: { p: 0, t: { $gte: lo, $lt: hi } }, sort: { t: dir, _id: dir } });
      const expected = brute((d) => d.p === 0 && d.t >= lo && d.t < hi, dir);
      expect(res.docs.map((d) => d._id)).toEqual(expected);
      expect(res.docsExamined).toBe(expected.length);
    },
  );

  it('does not claim an order the index cannot give (mixed directions, a gap in the keys)', () => {
    expect(c.plan({ p: 1 }, { t: -1, _id: 1 }).sorted).toBe(false);
    expect(c.plan({ p: 1 }, { _id: -1 }).sorted).toBe(false);
    const mixed = readDocs(c, { filter: { p: 1 }, sort: { t: -1, _id: 1 }, limit: 5 }).docs.map((d) => d._id);
    expect(mixed).toEqual(
      docs
        .filter((d) => d.p === 1)
        .sort((a, b) => b.t.getTime() - a.t.getTime() || a._id - b._id)
        .slice(0, 5)
        .map((d) => d._id),
    );
  });
});

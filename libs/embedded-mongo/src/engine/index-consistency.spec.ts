/**
 * Index soundness: for random documents of mixed BSON types (arrays, null, missing included) and random
 * equality/range/$in filters, an index-backed read returns exactly what a full scan returns, and
 * index-ordered sorts agree with the in-memory MongoDB ordering.
 */
import { ObjectId } from 'bson';
import { compareSortKeys, compareValues, sortKey } from '../bson/compare';
import { sortValue } from '../bson/paths';
import type { Collection } from './collection';
import { scratchCollection, type Scratch } from '../testing/scratch-collection';
import { compileFilter } from './match';
import { nearDistance, takeNear } from './geo-query';
import { readDocs } from './reader';
import { type Collation, normaliseCollation, sameCollation, withCollation } from './collation';
import { comparator } from './reader';
import { seededRandom } from '../testing/seeded-random';

describe('index consistency (randomised, seeded)', () => {
  const rand = seededRandom(42);
  const oids = Array.from({ length: 5 }, (_, i) => new ObjectId(i.toString(16).padStart(24, '0')));
  const scalar = (): unknown => {
    const r = rand();
    if (r < 0.25) return Math.floor(rand() * 10);
    if (r < 0.35) return Math.floor(rand() * 10) + 0.5;
    if (r < 0.5) return ['a', 'b', 'c', 'd'][Math.floor(rand() * 4)];
    if (r < 0.58) return null;
    if (r < 0.66) return oids[Math.floor(rand() * oids.length)];
    if (r < 0.74) return new Date(Math.floor(rand() * 5) * 1000);
    if (r < 0.8) return rand() < 0.5;
    return Math.floor(rand() * 10);
  };
  const value = (): unknown => (rand() < 0.3 ? Array.from({ length: Math.floor(rand() * 3) }, scalar) : scalar());
  const docs = Array.from({ length: 400 }, (_, i) => {
    const d: Record<string, unknown> = { _id: i, b: Math.floor(rand() * 4) };
    if (rand() > 0.1) d.a = value();
    return d;
  });
  let indexed: Collection;
  let scratch: Scratch;
  beforeAll(async () => {
    scratch = await scratchCollection('ix', (c) => {
      c.createIndex({ name: 'a_1', key: { a: 1 } });
      c.createIndex({ name: 'b_1_a_-1', key: { b: 1, a: -1 } });
      docs.forEach((d) => c.insert({ ...d }));
    });
    indexed = scratch.c;
  });
  afterAll(() => scratch.close());

  const filters: Array<Record<string, unknown>> = [];
  for (let i = 0; i < 150; i++) {
    const v = scalar();
    const w = scalar();
    const shape = Math.floor(rand() * 7);
    if (shape === 0) filters.push({ a: v });
    else if (shape === 1) filters.push({ a: { $in: [v, w] } });
    else if (shape === 2) filters.push({ a: { $gt: v } });
    else if (shape === 3) {
      const lo = Math.floor(rand() * 8);
      filters.push(rand() < 0.5 ? { a: { $gte: v, $lte: w } } : { a: { $gt: lo, $lt: lo + 2 } });
    } else if (shape === 4) filters.push({ a: { $lt: v }, b: Math.floor(rand() * 4) });
    else if (shape === 5) filters.push({ b: Math.floor(rand() * 4), a: { $ne: v } });
    else filters.push({ $or: [{ a: v }, { b: Math.floor(rand() * 4) }] });
  }

  it('index-backed reads equal a full scan for every filter', () => {
    for (const f of filters) {
      const match = compileFilter(f);
      const expected = docs.filter((d) => match(d)).map((d) => d._id);
      const got = readDocs(indexed, { filter: f })
        .docs.map((d) => d._id as number)
        .sort((x, y) => x - y);
      expect({ f, ids: got }).toEqual({ f, ids: expected });
    }
  });

  it('index-ordered sorts agree with the in-memory order (both directions, with limits)', () => {
    for (const dir of [1, -1] as const) {
      for (const f of [{}, { b: 2 }, { a: { $gte: 3 } }]) {
        const plan = indexed.plan(f, { a: dir });
        expect(plan.stage).not.toBe('COLLSCAN');
        const got = readDocs(indexed, { filter: f, sort: { a: dir }, limit: 50 }).docs.map((d) =>
          sortKey(sortValue(d, 'a'), dir),
        );
        const match = compileFilter(f);
        const expected = docs
          .filter((d) => match(d))
          .map((d) => sortKey(sortValue(d, 'a'), dir) ?? null) // Array.prototype.sort would move undefined last
          .sort((x, y) => compareSortKeys(x, y) * dir)
          .slice(0, 50);
        const norm = (vs: unknown[]) => vs.map((v) => (compareValues(v, null) === 0 ? null : v));
        expect([JSON.stringify(f), dir, ...norm(got)]).toEqual([JSON.stringify(f), dir, ...norm(expected)]);
      }
    }
  });
});

describe('geo index consistency (randomised, seeded): 2dsphere and 2d reads equal a full scan', () => {
  const rand = seededRandom(7);
  const coord = (span: number) => Math.round((rand() * 2 - 1) * span * 100) / 100;
  const geometry = (): unknown => {
    const r = rand();
    const [x, y] = [coord(170), coord(80)];
    if (r < 0.5) return { type: 'Point', coordinates: [x, y] };
    if (r < 0.65) return [x, y]; // a legacy pair in a 2dsphere index
    if (r < 0.8)
      return {
        type: 'LineString',
        coordinates: [
          [x, y],
          [x + rand() * 5, y + rand() * 5],
        ],
      };
    const d = rand() * 8 + 0.5;
    return {
      type: 'Polygon',
      coordinates: [
        [
          [x, y],
          [x + d, y],
          [x + d, y + d],
          [x, y + d],
          [x, y],
        ],
      ],
    };
  };
  const docs = Array.from({ length: 300 }, (_, i) => {
    const d: Record<string, unknown> = { _id: i };
    if (rand() > 0.1) d.g = geometry();
    if (rand() > 0.1) d.p = [coord(170), coord(80)];
    return d;
  });
  let scratch: Scratch;
  beforeAll(async () => {
    scratch = await scratchCollection('geo', (c) => {
      c.createIndex({ name: 'g_2dsphere', key: { g: '2dsphere' } });
      c.createIndex({ name: 'p_2d', key: { p: '2d' } });
      docs.forEach((d) => c.insert({ ...d }));
    });
  });
  afterAll(() => scratch.close());

  const box = (x: number, y: number, d: number) => ({
    type: 'Polygon',
    coordinates: [
      [
        [x, y],
        [x + d, y],
        [x + d, y + d],
        [x, y + d],
        [x, y],
      ],
    ],
  });
  const filters: Array<Record<string, unknown>> = [];
  for (let i = 0; i < 80; i++) {
    const [x, y, d] = [coord(160), coord(70), rand() * 30 + 1];
    const shape = i % 8;
    if (shape === 0) filters.push({ g: { $geoWithin: { $geometry: box(x, y, d) } } });
    else if (shape === 1) filters.push({ g: { $geoIntersects: { $geometry: box(x, y, d) } } });
    else if (shape === 2) filters.push({ g: { $geoWithin: { $centerSphere: [[x, y], d / 60] } } });
    else if (shape === 3)
      filters.push({ g: { $near: { $geometry: { type: 'Point', coordinates: [x, y] }, $maxDistance: d * 50_000 } } });
    else if (shape === 4)
      filters.push({
        p: {
          $geoWithin: {
            $box: [
              [x, y],
              [x + d, y + d],
            ],
          },
        },
      });
    else if (shape === 5) filters.push({ p: { $geoWithin: { $center: [[x, y], d] } } });
    else if (shape === 6) filters.push({ p: { $near: [x, y], $maxDistance: d } });
    else
      filters.push({
        p: {
          $geoWithin: {
            $polygon: [
              [x, y],
              [x + d, y],
              [x, y + d],
            ],
          },
        },
      });
  }

  it('every geo filter returns what a full scan returns, through the geo index', () => {
    let nonEmpty = 0;
    for (const f of filters) {
      const { near, rest } = takeNear(f, scratch.c);
      const match = compileFilter(rest);
      const expected = docs.filter((d) => match(d) && (!near || nearDistance(near, d) !== null)).map((d) => d._id);
      const r = readDocs(scratch.c, { filter: f });
      expect(r.plan.index?.geo).toBeTruthy();
      expect({ f, ids: r.docs.map((d) => d._id as number).sort((a, b) => a - b) }).toEqual({ f, ids: expected });
      if (expected.length) nonEmpty++;
    }
    expect(nonEmpty).toBeGreaterThan(filters.length / 3); // the filters do select documents
  });

  it('a limited $near without $maxDistance (growing circles of cells) returns the nearest documents', () => {
    for (let i = 0; i < 20; i++) {
      const f = { g: { $near: { $geometry: { type: 'Point', coordinates: [coord(170), coord(80)] } } } };
      const { near } = takeNear(f, scratch.c);
      const all = docs.map((d) => (near ? nearDistance(near, d) : null)).filter((x): x is number => x !== null);
      const expected = all.sort((a, b) => a - b).slice(0, 5);
      const r = readDocs(scratch.c, { filter: f, limit: 5 });
      expect(r.docs.map((d) => r.distances?.get(d))).toEqual(expected);
    }
  });

  it('validate finds every geo index entry consistent after updates and removals', async () => {
    await scratch.engine.write(() => {
      for (const d of readDocs(scratch.c, { filter: { _id: { $lt: 60 } } }).docs) {
        if ((d._id as number) % 3 === 0) scratch.engine.remove(scratch.c, d);
        else scratch.engine.replace(scratch.c, d, { ...d, g: geometry(), p: [coord(170), coord(80)] });
      }
    });
    const v = scratch.c.validate();
    expect(v.errors).toEqual([]);
    expect(v.nrecords).toBe(280);
    expect(v.keysPerIndex.g_2dsphere).toBeGreaterThan(200);
  });
});

describe('index consistency with a collated index (randomised, seeded)', () => {
  const rand = seededRandom(7);
  const words = [
    'cafe',
    'Café',
    'CAFE',
    'café',
    'cote',
    'côte',
    'Côté',
    'resume',
    'Résumé',
    'a-b',
    'ab',
    'A B',
    '10',
    '9',
  ];
  const pick = () => words[Math.floor(rand() * words.length)];
  const docs = Array.from({ length: 300 }, (_, i) => {
    const r = rand();
    return { _id: i, s: r < 0.2 ? [pick(), pick()] : r < 0.3 ? Math.floor(rand() * 5) : r < 0.35 ? null : pick() };
  });
  const collations = [
    { locale: 'en', strength: 1 },
    { locale: 'en', strength: 2 },
    { locale: 'fr', strength: 3 },
    { locale: 'en', strength: 1, alternate: 'shifted' },
    { locale: 'en', numericOrdering: true },
  ].map((c) => normaliseCollation(c) as Collation);
  let scratch: Scratch;
  beforeAll(async () => {
    scratch = await scratchCollection('cix', (c) => {
      collations.forEach((collation, i) => c.createIndex({ name: `s_${i}`, key: { s: 1 }, collation }));
      docs.forEach((d) => c.insert({ ...d }));
    });
  });
  afterAll(() => scratch.close());

  it('collated index scans return what a full scan under the same collation returns; validate agrees', () => {
    expect(scratch.c.validate().errors).toEqual([]);
    for (const collation of collations) {
      for (let i = 0; i < 40; i++) {
        const shape = Math.floor(rand() * 3);
        const f = shape === 0 ? { s: pick() } : shape === 1 ? { s: { $in: [pick(), pick()] } } : { s: { $gt: pick() } };
        const expected = withCollation(collation, () => {
          const match = compileFilter(f);
          return docs.filter((d) => match(d)).map((d) => d._id);
        });
        const result = readDocs(scratch.c, { filter: f, collation });
        expect(result.plan.stage).toBe('IXSCAN');
        const got = result.docs.map((d) => d._id as number).sort((x, y) => x - y);
        expect({ collation, f, ids: got }).toEqual({ collation, f, ids: expected });
      }
    }
  });
});

describe('collated index ranges and sorts (randomised, seeded): primary-weight keys in collation order', () => {
  const rand = seededRandom(11);
  const alphabet = [...'aAáÁàbBcCçČčdDeEéÉèêhHoOôöÖsSßzZæÆ', ' ', '-', '2', '1', '0'];
  const word = () =>
    Array.from({ length: Math.floor(rand() * 5) }, () => alphabet[Math.floor(rand() * alphabet.length)]).join('');
  const docs = Array.from({ length: 400 }, (_, i) => {
    const r = rand();
    return { _id: i, t: r < 0.06 ? Math.floor(rand() * 3) : r < 0.1 ? null : r < 0.13 ? undefined : word() };
  });
  const collations = [
    { locale: 'en', strength: 2 },
    { locale: 'fr', strength: 1 },
    { locale: 'de', strength: 3, caseFirst: 'upper' },
    { locale: 'cs', strength: 1 },
    { locale: 'da', strength: 2 },
    { locale: 'en', numericOrdering: true, strength: 1 },
    { locale: 'en', alternate: 'shifted', strength: 3 },
  ].map((c) => normaliseCollation(c) as Collation);
  let scratch: Scratch;
  beforeAll(async () => {
    scratch = await scratchCollection('crange', (c) => {
      collations.forEach((collation, i) => c.createIndex({ name: `t_${i}`, key: { t: i % 2 ? -1 : 1 }, collation }));
      docs.forEach((d) => c.insert(d.t === undefined ? { _id: d._id } : { ...d }));
    });
  });
  afterAll(() => scratch.close());

  const rangeFilter = (): Record<string, unknown> => {
    const [a, b] = [word(), word()];
    const ops = [['$gt'], ['$gte'], ['$lt'], ['$lte'], ['$gt', '$lt'], ['$gte', '$lte'], ['$gt', '$lte']][
      Math.floor(rand() * 7)
    ];
    return { t: ops.length === 1 ? { [ops[0]]: a } : { [ops[0]]: a < b ? a : b, [ops[1]]: a < b ? b : a } };
  };

  it('string ranges are index range scans returning what a full scan under the collation returns', () => {
    expect(scratch.c.validate().errors).toEqual([]);
    for (const collation of collations) {
      for (let i = 0; i < 40; i++) {
        const f = rangeFilter();
        const expected = withCollation(collation, () => {
          const match = compileFilter(f);
          return docs.filter((d) => match(d)).map((d) => d._id);
        });
        const result = readDocs(scratch.c, { filter: f, collation });
        expect(result.plan.stage).toBe('IXSCAN');
        expect(sameCollation(result.plan.index?.collation ?? null, collation)).toBe(true);
        const got = result.docs.map((d) => d._id as number).sort((x, y) => x - y);
        expect({ collation, f, ids: got }).toEqual({ collation, f, ids: expected });
      }
    }
  });

  it('sorts with limits are served by the collated index and agree with an in-memory sort under the collation', () => {
    for (const collation of collations) {
      for (const dir of [1, -1] as const) {
        for (const [f, limit] of [
          [{}, 7],
          [rangeFilter(), 5],
          [rangeFilter(), 0],
          [{}, 0],
        ] as const) {
          const result = readDocs(scratch.c, { filter: f, sort: { t: dir }, limit, collation });
          expect(result.plan.stage).toBe('IXSCAN');
          expect(result.plan.sorted).toBe(true);
          const { got, expected } = withCollation(collation, () => {
            const match = compileFilter(f);
            const all: Array<Record<string, unknown>> = docs
              .filter((d) => match(d))
              .map((d) => (d.t === undefined ? { _id: d._id } : d));
            const sorted = all.sort(comparator({ t: dir }, null));
            return {
              got: result.docs.map((d) => d.t ?? null),
              expected: (limit ? sorted.slice(0, limit) : sorted).map((d) => d.t ?? null),
            };
          });
          // equal under the collation position by position (ties may come in any order)
          const same = withCollation(
            collation,
            () => got.length === expected.length && got.every((v, i) => compareValues(v, expected[i]) === 0),
          );
          expect({ collation, f, dir, limit, same, got, expected }).toMatchObject({ same: true });
        }
      }
    }
  });

  it('a query under another collation does not use a collated index for string bounds or sorts', () => {
    const other = normaliseCollation({ locale: 'sv', strength: 1 });
    expect(readDocs(scratch.c, { filter: { t: { $gt: 'b' } }, collation: other }).plan.stage).toBe('COLLSCAN');
    expect(readDocs(scratch.c, { filter: { t: { $gt: 'b' } } }).plan.stage).toBe('COLLSCAN');
    expect(readDocs(scratch.c, { filter: {}, sort: { t: 1 }, collation: other }).plan.stage).toBe('COLLSCAN');
    expect(readDocs(scratch.c, { filter: { t: { $gt: 1 } }, collation: other }).plan.stage).toBe('IXSCAN');
  });

  it('a stored key the weights cannot order (a CJK extension B character) stops string bounds and sorts, not numeric ones', async () => {
    const loose = await scratchCollection('loose', (c) => {
      c.createIndex({ name: 't_1', key: { t: 1 }, collation: collations[0] });
      ['b', 'a', '\u{20000}', 'C'].forEach((t, i) => c.insert({ _id: i, t }));
    });
    try {
      const ix = loose.c.indexes.get('t_1');
      expect(ix?.looseOrder).toBe(true);
      const collation = collations[0];
      expect(readDocs(loose.c, { filter: { t: { $gt: 'a' } }, collation }).plan.stage).toBe('COLLSCAN');
      // a string primary-equal to a loose key may have another key: equality is not answered by the index either
      const equal = readDocs(loose.c, { filter: { t: 'B' }, collation });
      expect(equal.plan.stage).toBe('COLLSCAN');
      expect(equal.docs.map((d) => d._id)).toEqual([0]);
      expect(readDocs(loose.c, { filter: { t: { $gt: 1 } }, collation }).plan.stage).toBe('IXSCAN');
      const sorted = readDocs(loose.c, { filter: {}, sort: { t: 1 }, collation });
      expect(sorted.plan.sorted).toBe(false);
      expect(sorted.docs.map((d) => d._id)).toEqual([1, 0, 3, 2]);
    } finally {
      await loose.close();
    }
  });
});

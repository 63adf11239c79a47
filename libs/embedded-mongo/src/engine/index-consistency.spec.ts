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
import { readDocs } from './reader';

function rng(seed: number) {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) & 0x7fffffff;
    return s / 0x7fffffff;
  };
}

describe('index consistency (randomised, seeded)', () => {
  const rand = rng(42);
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

/**
 * `$lookup` with `localField`/`foreignField`. mingo's stage hashes every document of the joined collection
 * (a page of 50 audit events joined to 1,000 accounts decoded 1,000 accounts), matches numbers only of the
 * same BSON type (an int64 40 did not join an int32 40), lists an array key's matches in the key's order and
 * leaves a null for each element that matched nothing. Here the stage gathers the page's join keys, asks the
 * read path for the foreign documents whose field is `$in` those keys (an index serves it), and joins them with
 * MongoDB's query equality: each foreign value (every element of an array, null where the field is missing)
 * is bucketed by its KeyString and confirmed with the BSON comparison (under a collation, which can equate
 * different strings, the values holding strings share one bucket). Matches are listed in the order the read met them,
 * as mongod lists them. A key the query language would read as an operator (a document with `$` keys), a
 * view, or no source in force keeps mingo's own stage.
 */
import { collationActive, valuesEqual } from '../bson/compare';
import { isDocument, pathValues, setPath } from '../bson/paths';
import { encodeValue } from '../storage/keystring';
import { holdsString } from './collation-keys';
import type { Doc } from './index-store';
import { lazy } from './mingo';

/** The foreign documents whose `foreignField` is `$in` keys; null to join over the whole collection. */
export type LookupSource = (from: string, foreignField: string, keys: unknown[]) => Doc[] | null;

type Stage = (coll: unknown, expr: unknown, options: unknown) => unknown;
interface Iter {
  transform(f: (docs: Doc[]) => unknown): unknown;
}
interface LookupSpec {
  from?: unknown;
  localField?: unknown;
  foreignField?: unknown;
  as?: unknown;
  pipeline?: unknown;
}
interface Candidate {
  doc: Doc;
  value: unknown;
  rank: number;
}
const base = (require('mingo/operators/pipeline') as { $lookup: Stage }).$lookup;
const { resolve } = require('mingo/util') as { resolve: (doc: unknown, path: string) => unknown };

let source: LookupSource | null = null;

/** Runs `fn` (an aggregation) with `lookup` answering its equality joins. */
export function withLookupSource<T>(lookup: LookupSource, fn: () => T): T {
  const prev = source;
  source = lookup;
  try {
    return fn();
  } finally {
    source = prev;
  }
}

const operatorLike = (v: unknown): boolean => isDocument(v) && Object.keys(v).some((k) => k.startsWith('$'));

/** The values a document joins on: its local value, or each element of an array; null when missing. */
function localKeys(doc: Doc, localField: string): unknown[] {
  const local = resolve(doc, localField) ?? null;
  return (Array.isArray(local) ? local : [local]).map((k) => k ?? null);
}

/** A value's bucket: its KeyString; under a collation, one bucket for every value that holds a string. */
const bucketOf = (value: unknown, collated: boolean): string =>
  collated && holdsString(value) ? '' : encodeValue(value).toString('latin1');

/** The foreign documents by the bucket of each value their field holds. */
function buckets(joined: Doc[], foreignField: string, collated: boolean): Map<string, Candidate[]> {
  const out = new Map<string, Candidate[]>();
  joined.forEach((doc, rank) => {
    const { values, missing } = pathValues(doc, foreignField);
    for (const value of missing ? [...values, null] : values) {
      const key = bucketOf(value, collated);
      const list = out.get(key);
      if (list) list.push({ doc, value, rank });
      else out.set(key, [{ doc, value, rank }]);
    }
  });
  return out;
}

function hashJoin(docs: Doc[], joined: Doc[], spec: { localField: string; foreignField: string; as: string }) {
  const collated = collationActive();
  const byKey = buckets(joined, spec.foreignField, collated);
  return docs.map((doc) => {
    const found = new Map<Doc, number>();
    for (const key of localKeys(doc, spec.localField)) {
      const list = byKey.get(bucketOf(key, collated)) ?? [];
      for (const c of list) if (!found.has(c.doc) && valuesEqual(c.value, key)) found.set(c.doc, c.rank);
    }
    setPath(
      doc,
      spec.as,
      [...found].sort((a, b) => a[1] - b[1]).map(([d]) => d),
    );
    return doc;
  });
}

export const lookupStages = {
  $lookup: ((coll: Iter, expr: LookupSpec, options: unknown) => {
    const lookup = source;
    const { from, localField, foreignField, as } = expr ?? {};
    if (
      !lookup ||
      typeof from !== 'string' ||
      typeof localField !== 'string' ||
      typeof foreignField !== 'string' ||
      typeof as !== 'string' ||
      expr.pipeline !== undefined
    )
      return base(coll, expr, options);
    return coll.transform((docs) => {
      const keys = docs.flatMap((d) => localKeys(d, localField));
      const joined = keys.some(operatorLike) ? null : lookup(from, foreignField, keys);
      if (!joined) return base(lazy(docs), expr, options);
      return lazy(hashJoin(docs, joined, { localField, foreignField, as }));
    });
  }) as never,
};

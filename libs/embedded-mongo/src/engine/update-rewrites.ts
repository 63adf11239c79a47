/**
 * Update-operator details MongoDB documents and mingo does not follow:
 * - `$currentDate` with `{$type: "timestamp"}` stores a BSON Timestamp (mingo stores a number);
 * - since 5.0, operators apply to fields in lexicographic order (numeric names in numeric order), so new
 *   fields are appended in that order whatever the order of the update document;
 * - every `$[identifier]` needs an array filter (2 BadValue) and every array filter must be used (9);
 * - `$addToSet` compares embedded documents with their field order.
 */
import { Timestamp } from 'bson';
import { compareValues } from '../bson/compare';
import { getPath, isDocument } from '../bson/paths';
import { fail } from './errors';
import type { Doc } from './index-store';

let increment = 0;
let lastSecond = 0;

function now(): { date: Date; ts: Timestamp } {
  const date = new Date();
  const seconds = Math.floor(date.getTime() / 1000);
  increment = seconds === lastSecond ? increment + 1 : 1;
  lastSecond = seconds;
  return { date, ts: new Timestamp({ t: seconds, i: increment }) };
}

/** Turns `$currentDate` into `$set` assignments (mutates `mod`). */
export function rewriteCurrentDate(mod: Doc): void {
  const spec = mod.$currentDate;
  if (!isDocument(spec)) return;
  const set: Doc = isDocument(mod.$set) ? { ...mod.$set } : {};
  const { date, ts } = now();
  for (const [path, v] of Object.entries(spec)) {
    if (path in set) fail(40, `Updating the path '${path}' would create a conflict at '${path}'`);
    if (v === true || (isDocument(v) && v.$type === 'date')) set[path] = date;
    else if (isDocument(v) && v.$type === 'timestamp') set[path] = ts;
    else if (v === false)
      set[path] = date; // MongoDB treats false like true
    else
      fail(
        2,
        `${JSON.stringify(v)} is not valid type for $currentDate. Please use a boolean ('true') or a $type expression ({$type: 'timestamp/date'}).`,
      );
  }
  delete mod.$currentDate;
  mod.$set = set;
}

function comparePaths(a: string, b: string): number {
  const pa = a.split('.');
  const pb = b.split('.');
  for (let i = 0; i < Math.min(pa.length, pb.length); i++) {
    if (pa[i] === pb[i]) continue;
    const na = /^\d+$/.test(pa[i]);
    const nb = /^\d+$/.test(pb[i]);
    if (na && nb) return Number(pa[i]) - Number(pb[i]);
    return pa[i] < pb[i] ? -1 : 1;
  }
  return pa.length - pb.length;
}

/** Orders each operator's fields as MongoDB applies them (mutates `mod`). */
export function orderFields(mod: Doc): void {
  for (const [op, spec] of Object.entries(mod)) {
    if (!isDocument(spec)) continue;
    const keys = Object.keys(spec);
    const sorted = [...keys].sort(comparePaths);
    if (sorted.every((k, i) => k === keys[i])) continue;
    const out: Doc = {};
    for (const k of sorted) out[k] = spec[k];
    mod[op] = out;
  }
}

/** Checks that the identifiers of `$[identifier]` paths and the array filters correspond. */
export function checkArrayFilters(u: unknown, arrayFilters: unknown): void {
  if (arrayFilters === undefined || arrayFilters === null) arrayFilters = [];
  if (!Array.isArray(arrayFilters))
    return fail(14, "BSON field 'arrayFilters' is the wrong type, expected type 'array'");
  const declared = new Map<string, number>();
  for (const f of arrayFilters as unknown[]) {
    if (!isDocument(f) || !Object.keys(f).length)
      fail(9, 'Cannot use an expression without a top-level field name in arrayFilters');
    const ids = new Set(Object.keys(f as Doc).map((k) => k.split('.')[0]));
    if (ids.size !== 1)
      fail(
        9,
        `Error parsing array filter :: caused by :: Expected a single top-level field name, found '${[...ids][0]}' and '${[...ids][1]}'`,
      );
    const id = [...ids][0];
    if (!/^[a-z][a-zA-Z0-9]*$/.test(id))
      fail(
        2,
        `Error parsing array filter :: caused by :: The top-level field name must be an alphanumeric string beginning with a lowercase letter, found '${id}'`,
      );
    if (declared.has(id)) fail(9, `Found multiple array filters with the same top-level field name ${id}`);
    declared.set(id, 0);
  }
  if (Array.isArray(u) || !isDocument(u)) {
    if (declared.size) fail(72, 'arrayFilters may not be specified for pipeline-style updates');
    return;
  }
  const used = new Set<string>();
  for (const spec of Object.values(u)) {
    if (!isDocument(spec)) continue;
    for (const path of Object.keys(spec)) {
      for (const m of path.matchAll(/\$\[([^\]]*)\]/g)) {
        if (!m[1]) continue;
        if (!declared.has(m[1])) fail(2, `No array filter found for identifier '${m[1]}' in path '${path}'`);
        used.add(m[1]);
      }
    }
  }
  for (const id of declared.keys())
    if (!used.has(id))
      fail(9, `The array filter for identifier '${id}' was not used in the update ${JSON.stringify(u)}`);
}

/**
 * `$addToSet` on plain paths, computed here: a document is a duplicate only with the same fields in the same
 * order (reference/operator/update/addToSet), numbers by value; mingo ignores field order. Mutates `mod`.
 */
export function rewriteAddToSet(doc: Doc, mod: Doc): void {
  const spec = mod.$addToSet;
  if (!isDocument(spec)) return;
  const set: Doc = isDocument(mod.$set) ? { ...mod.$set } : {};
  const rest: Doc = {};
  for (const [path, arg] of Object.entries(spec)) {
    const current = getPath(doc, path);
    const parent = path.includes('.') ? getPath(doc, path.slice(0, path.lastIndexOf('.'))) : doc;
    if (
      path.includes('$') ||
      path in set ||
      Array.isArray(parent) ||
      (current !== undefined && !Array.isArray(current))
    ) {
      rest[path] = arg;
      continue;
    }
    const additions = isDocument(arg) && '$each' in arg ? arg.$each : [arg];
    if (!Array.isArray(additions))
      return fail(2, `The argument to $each in $addToSet must be an array but it was of type ${typeof additions}`);
    const next = [...((current as unknown[] | undefined) ?? [])];
    for (const v of additions) if (!next.some((x) => sameValue(x, v))) next.push(v);
    set[path] = next;
  }
  if (Object.keys(rest).length) mod.$addToSet = rest;
  else delete mod.$addToSet;
  if (Object.keys(set).length) mod.$set = set;
}

/** BSON equality where embedded documents must also list their fields in the same order. */
function sameValue(a: unknown, b: unknown): boolean {
  if (compareValues(a, b) !== 0) return false;
  if (isDocument(a) && isDocument(b)) {
    const ka = Object.keys(a);
    const kb = Object.keys(b);
    return ka.length === kb.length && ka.every((k, i) => k === kb[i] && sameValue(a[k], b[k]));
  }
  if (Array.isArray(a) && Array.isArray(b)) return a.every((x, i) => sameValue(x, b[i]));
  return true;
}

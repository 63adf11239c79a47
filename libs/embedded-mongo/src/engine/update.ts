/**
 * Update application (operators via mingo, replacement, pipeline) and upsert seeding.
 */
import { ObjectId } from 'bson';
import { compareValues } from '../bson/compare';
import { cloneDoc, getPath, isDocument, setPath } from '../bson/paths';
import { fail, toFailure } from './errors';
import type { Doc } from './index-store';
import { mingoUpdate, newAggregator } from './mingo';
import { rewriteNumericOps } from './numeric-ops';
import { checkOperandTypes } from './update-checks';
import { checkArrayFilters, orderFields, rewriteAddToSet, rewriteCurrentDate } from './update-rewrites';

const MODIFIERS = new Set([
  '$set',
  '$unset',
  '$inc',
  '$mul',
  '$min',
  '$max',
  '$rename',
  '$currentDate',
  '$setOnInsert',
  '$push',
  '$addToSet',
  '$pull',
  '$pullAll',
  '$pop',
  '$bit',
]);

export type UpdateSpec = Doc | Doc[];

export interface ApplyOptions {
  arrayFilters?: Doc[];
  filter?: Doc;
  inserting?: boolean;
  /** the command's `let` variables (pipeline updates) */
  variables?: Doc;
}

export function isOperatorUpdate(u: UpdateSpec): boolean {
  return !Array.isArray(u) && Object.keys(u).length > 0 && Object.keys(u)[0].startsWith('$');
}

export function validateUpdate(u: unknown, arrayFilters?: unknown): void {
  checkArrayFilters(u, arrayFilters);
  if (Array.isArray(u)) return;
  if (!isDocument(u)) fail(14, 'Update argument must be either an object or an array');
  const keys = Object.keys(u as Doc);
  const ops = keys.filter((k) => k.startsWith('$'));
  if (ops.length && ops.length !== keys.length) fail(9, 'Modifiers and non-modifiers cannot be mixed');
  for (const k of ops) {
    if (!MODIFIERS.has(k))
      fail(
        9,
        `Unknown modifier: ${k}. Expected a valid update modifier or pipeline-style update specified as an array`,
      );
    if (!isDocument((u as Doc)[k]))
      fail(
        9,
        `Modifiers operate on fields but we found type ${typeof (u as Doc)[k]} instead. For example: {$mod: {<field>: ...}} not {${k}: ${JSON.stringify((u as Doc)[k])}}`,
      );
    for (const path of Object.keys((u as Doc)[k] as Doc)) {
      if (path === '') fail(56, 'An empty update path is not valid.');
      if (path.split('.').includes(''))
        fail(56, `The update path '${path}' contains an empty field name, which is not allowed.`);
    }
  }
  if (!ops.length)
    for (const k of keys) if (k.startsWith('$')) fail(2, `The dollar ($) prefixed field '${k}' is not allowed`);
}

/** Returns the updated copy of `doc` (which is never mutated). */
export function applyUpdate(doc: Doc, u: UpdateSpec, opts: ApplyOptions = {}): Doc {
  let next: Doc;
  if (Array.isArray(u)) {
    try {
      const vars = opts.variables ? { variables: opts.variables } : undefined;
      const out = newAggregator(u as Doc[], vars).run([cloneDoc(doc)]) as Doc[];
      next = out[0] ?? {};
    } catch (e) {
      throw toFailure(e);
    }
    if (doc._id !== undefined && next._id === undefined) next = { _id: doc._id, ...next };
  } else if (!isOperatorUpdate(u)) {
    if (u._id !== undefined && doc._id !== undefined && compareValues(u._id, doc._id) !== 0) immutable();
    next = doc._id !== undefined ? { _id: doc._id, ...cloneDoc(u) } : cloneDoc(u);
  } else {
    next = cloneDoc(doc);
    checkSetOnInsertConflicts(u);
    const mod: Doc = {};
    for (const [op, spec] of Object.entries(u)) {
      if (op === '$setOnInsert') {
        if (opts.inserting) mod.$set = { ...((mod.$set as Doc) ?? {}), ...(spec as Doc) };
        continue;
      }
      mod[op] = op === '$set' && mod.$set ? { ...(spec as Doc), ...(mod.$set as Doc) } : spec;
    }
    rewriteCurrentDate(mod);
    orderFields(mod);
    checkOperandTypes(next, mod);
    rewriteAddToSet(next, mod);
    rewriteNumericOps(next, mod, { arrayFilters: opts.arrayFilters ?? [], filter: opts.filter ?? {} });
    prepareArrays(next, mod);
    takeIdPaths(mod, doc, next, opts.inserting);
    if (Object.keys(mod).length) {
      try {
        mingoUpdate(next, mod, opts.arrayFilters ?? [], opts.filter ?? {});
      } catch (e) {
        throw toFailure(e);
      }
    }
  }
  if (doc._id !== undefined && compareValues(next._id, doc._id) !== 0) immutable();
  return next;
}

function immutable(): never {
  return fail(66, "Performing an update on the path '_id' would modify the immutable field '_id'");
}

/**
 * `_id` may only be named by `$set` with its current value (a no-op, as in `$set: {...wholeDoc}`) or while
 * an upsert inserts; those assignments are applied here (mingo refuses any update of `_id`).
 */
function takeIdPaths(mod: Doc, doc: Doc, next: Doc, inserting?: boolean): void {
  for (const [op, spec] of Object.entries(mod)) {
    for (const path of Object.keys(spec as Doc)) {
      if (path !== '_id' && !path.startsWith('_id.')) continue;
      const value = (spec as Doc)[path];
      if (op !== '$set' || (!inserting && compareValues(getPath(doc, path), value) !== 0)) immutable();
      if (inserting) setPath(next, path, cloneDoc(value));
      const rest = { ...(mod.$set as Doc) };
      delete rest[path];
      if (Object.keys(rest).length) mod.$set = rest;
      else delete mod.$set;
    }
  }
}

/** `$setOnInsert` conflicts with any other operator naming the same path or a prefix of it (code 40), upsert or not. */
function checkSetOnInsertConflicts(u: Doc): void {
  const onInsert = u.$setOnInsert;
  if (!isDocument(onInsert)) return;
  const overlaps = (a: string, b: string) => a === b || a.startsWith(`${b}.`) || b.startsWith(`${a}.`);
  for (const [op, spec] of Object.entries(u)) {
    if (op === '$setOnInsert' || !isDocument(spec)) continue;
    for (const path of Object.keys(spec)) {
      const other = Object.keys(onInsert).find((p) => overlaps(p, path));
      if (other !== undefined)
        fail(
          40,
          `Updating the path '${other}' would create a conflict at '${other.length <= path.length ? other : path}'`,
        );
    }
  }
}

/** MongoDB creates the array for `$push` with modifiers on a missing field (mingo does not). */
function prepareArrays(doc: Doc, mod: Doc): void {
  const push = mod.$push as Doc | undefined;
  if (!push) return;
  for (const [path, v] of Object.entries(push)) {
    if (path.includes('$')) continue;
    if (isDocument(v) && '$each' in v && getPath(doc, path) === undefined) setPath(doc, path, []);
  }
}

/** Equality fields of a filter, used to seed an upserted document. */
export function seedFromFilter(filter: Doc): Doc {
  const seed: Doc = {};
  const visit = (f: Doc): void => {
    for (const [k, v] of Object.entries(f)) {
      if (k === '$and' && Array.isArray(v)) v.forEach((p) => isDocument(p) && visit(p));
      if (k.startsWith('$')) continue;
      if (isDocument(v) && Object.keys(v).some((x) => x.startsWith('$'))) {
        if ('$eq' in v) setPath(seed, k, cloneDoc(v.$eq));
        else if (Array.isArray(v.$in) && v.$in.length === 1) setPath(seed, k, cloneDoc(v.$in[0]));
        continue;
      }
      if (v instanceof RegExp) continue;
      setPath(seed, k, cloneDoc(v));
    }
  };
  visit(filter);
  return seed;
}

/** Builds the document an upsert inserts. */
export function buildUpsert(filter: Doc, u: UpdateSpec, arrayFilters?: Doc[], variables?: Doc): Doc {
  let doc: Doc;
  if (!Array.isArray(u) && !isOperatorUpdate(u)) {
    const seedId = seedFromFilter(filter)._id;
    doc = cloneDoc(u);
    if (doc._id === undefined && seedId !== undefined) doc = { _id: seedId, ...doc };
  } else {
    const seed = seedFromFilter(filter);
    doc = applyUpdate(seed, u, { inserting: true, arrayFilters, filter: {}, variables });
  }
  if (doc._id === undefined) doc = { _id: new ObjectId(), ...doc };
  else if (Object.keys(doc)[0] !== '_id') {
    const { _id, ...rest } = doc;
    doc = { _id, ...rest };
  }
  return doc;
}

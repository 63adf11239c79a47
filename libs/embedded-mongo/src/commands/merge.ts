/**
 * `$merge` (reference/operator/aggregation/merge): writes an aggregation's results into a collection of this
 * or another database, matching on `on` (default `_id`; other fields need a unique index on the target,
 * 51183), with `whenMatched` replace / keepExisting / merge / fail / an update pipeline (with `let`, default
 * `{new: "$$ROOT"}`) and `whenNotMatched` insert / discard / fail (13113). Duplicate keys fail with 11000.
 */
import { compareValues } from '../bson/compare';
import { cloneDoc, isDocument, pathValues } from '../bson/paths';
import type { Collection } from '../engine/collection';
import { fail, toFailure } from '../engine/errors';
import type { Doc } from '../engine/index-store';
import { newAggregator } from '../engine/mingo';
import { readDocs } from '../engine/reader';
import type { CommandContext } from './context';
import { notOnView } from './views';
import { checkStorable, withId } from './write';

const MATCHED = ['replace', 'keepExisting', 'merge', 'fail'];
const NOT_MATCHED = ['insert', 'discard', 'fail'];

export interface MergeSpec {
  db: string;
  coll: string;
  on: string[];
  whenMatched: string | Doc[];
  whenNotMatched: string;
  let?: Doc;
}

/** Parses the `$merge` stage (a collection name, or the full form). */
export function parseMerge(raw: unknown, db: string): MergeSpec {
  const spec: Doc =
    typeof raw === 'string' ? { into: raw } : isDocument(raw) ? raw : fail(51182, '$merge requires a string or object');
  const into = spec.into;
  const target =
    typeof into === 'string'
      ? { db, coll: into }
      : isDocument(into) && typeof into.coll === 'string'
        ? { db: typeof into.db === 'string' ? into.db : db, coll: into.coll }
        : fail(51178, "$merge 'into' field must be either a string or an object");
  const on = spec.on === undefined ? ['_id'] : typeof spec.on === 'string' ? [spec.on] : spec.on;
  if (!Array.isArray(on) || on.length === 0 || !on.every((f) => typeof f === 'string'))
    fail(51186, "$merge 'on' field must be either a string or an array of strings");
  const whenMatched = (spec.whenMatched ?? 'merge') as string | Doc[];
  if (!Array.isArray(whenMatched) && !MATCHED.includes(whenMatched))
    fail(2, `Enumeration value '${String(whenMatched)}' for field 'whenMatched' is not a valid value.`);
  const whenNotMatched = String(spec.whenNotMatched ?? 'insert');
  if (!NOT_MATCHED.includes(whenNotMatched))
    fail(2, `Enumeration value '${whenNotMatched}' for field 'whenNotMatched' is not a valid value.`);
  if (spec.let !== undefined && !Array.isArray(whenMatched))
    fail(51199, "Cannot use 'let' variables with 'whenMatched: " + String(whenMatched) + "' mode");
  return {
    ...target,
    on: on as string[],
    whenMatched,
    whenNotMatched,
    let: isDocument(spec.let) ? spec.let : undefined,
  };
}

function checkUniqueOn(target: Collection | undefined, spec: MergeSpec): void {
  if (spec.on.length === 1 && spec.on[0] === '_id') return;
  const wanted = [...spec.on].sort().join('\0');
  const ok = [...(target?.indexes.values() ?? [])].some(
    (ix) =>
      (ix.spec.unique || ix.isId) &&
      !ix.spec.partialFilterExpression &&
      ix.fields
        .map(([f]) => f)
        .sort()
        .join('\0') === wanted,
  );
  if (!ok) fail(51183, 'Cannot find index to verify that join fields will be unique');
}

function onFilter(doc: Doc, spec: MergeSpec): Doc {
  const filter: Doc = {};
  for (const f of spec.on) {
    const pv = pathValues(doc, f, false);
    const v = pv.values[0];
    if (pv.missing || pv.values.length !== 1 || v === null || v === undefined || Array.isArray(v))
      fail(51132, `$merge write error: 'on' field '${f}' cannot be missing, null, undefined or an array`);
    filter[f] = { $eq: v };
  }
  return filter;
}

function keepId(existing: Doc, next: Doc): Doc {
  if (next._id !== undefined && compareValues(next._id, existing._id) !== 0)
    fail(
      66,
      "$merge failed to update the matching document, did you attempt to modify the _id or the shard key? :: caused by :: Performing an update on the path '_id' would modify the immutable field '_id'",
    );
  const { _id: _ignored, ...rest } = next;
  return { _id: existing._id, ...rest };
}

function updated(existing: Doc, doc: Doc, spec: MergeSpec): Doc | null {
  const how = spec.whenMatched;
  if (Array.isArray(how)) {
    const vars = newAggregator([{ $replaceWith: { vars: spec.let ?? { new: '$$ROOT' } } }]).run([
      cloneDoc(doc),
    ])[0] as Doc;
    try {
      const [out] = newAggregator(how, { variables: vars.vars }).run([cloneDoc(existing)]) as Doc[];
      return keepId(existing, out);
    } catch (e) {
      throw toFailure(e);
    }
  }
  if (how === 'keepExisting') return null;
  if (how === 'replace') return keepId(existing, doc);
  return keepId(existing, { ...existing, ...doc }); // merge: top-level fields of the result win
}

/** Writes the results; the documents were computed before any write (the target may be the source). */
export function writeMerge(ctx: CommandContext, spec: MergeSpec, docs: Doc[]): void {
  notOnView({ ...ctx, db: spec.db }, spec.coll, '$merge');
  let target = ctx.engine.collection(spec.db, spec.coll);
  checkUniqueOn(target, spec);
  for (const raw of docs) {
    const doc = spec.on.includes('_id') ? withId(raw) : raw;
    const filter = onFilter(doc, spec);
    const existing = target && spec.whenMatched !== 'fail' ? readDocs(target, { filter, limit: 1 }).docs[0] : undefined;
    if (existing && target) {
      const next = updated(existing, doc, spec);
      if (!next) continue;
      checkStorable(target, next, existing);
      ctx.engine.replace(target, existing, next);
      continue;
    }
    if (spec.whenNotMatched === 'discard') continue;
    if (spec.whenNotMatched === 'fail')
      fail(
        13113,
        '$merge could not find a matching document in the target collection for at least one document in the source collection',
      );
    target ??= ctx.engine.ensureCollection(spec.db, spec.coll);
    const stored = withId(doc);
    checkStorable(target, stored);
    ctx.engine.insert(target, stored);
  }
}

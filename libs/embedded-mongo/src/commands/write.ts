/** insert / update / delete: ordered and unordered batches with per-statement write errors. */
import { ObjectId } from 'bson';
import { encodeDoc } from '../storage/documents';
import { isDocument } from '../bson/paths';
import type { Collection } from '../engine/collection';
import { fail, toFailure } from '../engine/errors';
import type { Doc } from '../engine/index-store';
import { compileFilter } from '../engine/match';
import { readDocs } from '../engine/reader';
import { resolveCollation, withCollation } from '../engine/collation';
import { letVariables } from '../engine/let-variables';
import { applyUpdate, buildUpsert, validateUpdate } from '../engine/update';
import { bsonSize, MAX_BSON_SIZE } from '../wire/protocol';
import { targetCollection, type CommandContext, type Handler } from './context';
import { checkHint } from './hint';
import { checkStatementFields } from './statement-fields';

/**
 * Validates a document about to be stored (size, _id, collection validator). `previous` is the document an
 * update replaces: with `validationLevel: "moderate"` an update of a document that was already invalid is
 * not validated (core/schema-validation/specify-validation-level).
 */
export function checkStorable(c: Collection, doc: Doc, previous?: Doc): void {
  if (bsonSize(doc) > MAX_BSON_SIZE)
    fail(10334, `object to insert exceeds cappedMaxSize or maxBsonObjectSize (${MAX_BSON_SIZE})`);
  // since 5.0 an inserted document may have $-prefixed field names (core/dot-dollar-considerations); update
  // operators and replacement documents cannot produce them (validateUpdate and mingo reject those)
  if (Array.isArray(doc._id)) fail(53, "The '_id' value cannot be of type array");
  if (doc._id instanceof RegExp) fail(53, "The '_id' value cannot be of type regex");
  const dollar = dollarFieldIn(doc._id);
  if (dollar) fail(2, `_id fields may not contain '$'-prefixed fields: ${dollar} is not valid for storage.`);
  const validator = c.options.validator;
  if (isDocument(validator) && Object.keys(validator).length && c.options.validationLevel !== 'off') {
    const matches = compileFilter(validator);
    if (previous && c.options.validationLevel === 'moderate' && !matches(previous)) return;
    if (!matches(doc) && c.options.validationAction !== 'warn') {
      const operatorName = Object.keys(validator).length === 1 && '$jsonSchema' in validator ? '$jsonSchema' : '$and';
      fail(121, 'Document failed validation', { errInfo: { failingDocumentId: doc._id, details: { operatorName } } });
    }
  }
}

/** A `$`-prefixed field name inside an `_id` document (core/dot-dollar-considerations), if any. */
function dollarFieldIn(id: unknown, depth = 0): string | undefined {
  if (!isDocument(id) || depth > 100) return undefined;
  for (const [k, v] of Object.entries(id)) {
    if (k.startsWith('$')) return k;
    const inner = dollarFieldIn(v, depth + 1);
    if (inner) return inner;
  }
  return undefined;
}

/** MongoDB stores `_id` as the first field, generating an ObjectId when absent. */
export function withId(doc: Doc): Doc {
  if (doc._id === undefined) return { _id: new ObjectId(), ...doc };
  if (Object.keys(doc)[0] === '_id') return doc;
  const { _id, ...rest } = doc;
  return { _id, ...rest };
}

function statements(cmd: Doc, field: string): Doc[] {
  const v = cmd[field];
  if (!Array.isArray(v)) return fail(14, `BSON field '${field}' is missing or not an array`);
  if (v.length > 100000) fail(2, `Write batch sizes must be between 1 and 100000. Got ${v.length} operations.`);
  return v as Doc[];
}

function runBatch<T>(cmd: Doc, items: T[], run: (item: T, index: number) => void): Doc[] {
  const ordered = cmd.ordered !== false;
  const writeErrors: Doc[] = [];
  for (let i = 0; i < items.length; i++) {
    try {
      run(items[i], i);
    } catch (e) {
      writeErrors.push(toFailure(e).toWriteError(i));
      if (ordered) break;
    }
  }
  return writeErrors;
}

function reply(base: Doc, writeErrors: Doc[]): Doc {
  return writeErrors.length ? { ...base, writeErrors, ok: 1 } : { ...base, ok: 1 };
}

const insert: Handler = (cmd, ctx) => {
  const name = targetCollection(cmd);
  const docs = statements(cmd, 'documents');
  let n = 0;
  const writeErrors = runBatch(cmd, docs, (raw) => {
    if (!isDocument(raw)) fail(14, 'document to insert must be an object');
    const c = ctx.engine.ensureCollection(ctx.db, name);
    const doc = withId(raw);
    checkStorable(c, doc);
    ctx.engine.insert(c, doc);
    n++;
  });
  return reply({ n }, writeErrors);
};

export interface UpdateOutcome {
  matched: number;
  modified: number;
  upsertedId?: unknown;
}

/** One update statement (shared with findAndModify's semantics). */
export function updateOne(ctx: CommandContext, name: string, st: Doc, vars?: Doc): UpdateOutcome {
  const q = isDocument(st.q) ? st.q : fail(14, "BSON field 'update.updates.q' is missing");
  const u = st.u as Doc | Doc[];
  validateUpdate(u, st.arrayFilters);
  const multi = st.multi === true;
  if (multi && !Array.isArray(u) && Object.keys(u).length && !Object.keys(u)[0].startsWith('$'))
    fail(9, 'multi update is not supported for replacement-style update');
  const arrayFilters = Array.isArray(st.arrayFilters) ? (st.arrayFilters as Doc[]) : undefined;
  const coll = ctx.engine.collection(ctx.db, name);
  checkHint(coll, st.hint);
  const collation = resolveCollation(st.collation, coll);
  const { docs } = readDocs(coll, { filter: q, limit: multi ? 0 : 1, collation, variables: vars });
  let modified = 0;
  for (const doc of docs) {
    if (!coll) break;
    const next = withCollation(collation, () => applyUpdate(doc, u, { arrayFilters, filter: q, variables: vars }));
    // a no-op leaves the stored bytes as they are (a value of another numeric type is a change)
    if (encodeDoc(next).equals(encodeDoc(doc))) continue;
    checkStorable(coll, next, doc);
    ctx.engine.replace(coll, doc, next);
    modified++;
  }
  if (docs.length === 0 && st.upsert === true) {
    const c = ctx.engine.ensureCollection(ctx.db, name);
    const doc = buildUpsert(q, u, arrayFilters, vars);
    checkStorable(c, doc);
    ctx.engine.insert(c, doc);
    return { matched: 0, modified: 0, upsertedId: doc._id };
  }
  return { matched: docs.length, modified };
}

const update: Handler = (cmd, ctx) => {
  const name = targetCollection(cmd);
  const sts = statements(cmd, 'updates');
  let n = 0;
  let nModified = 0;
  const upserted: Doc[] = [];
  const vars = letVariables(cmd.let);
  const writeErrors = runBatch(cmd, sts, (st, index) => {
    if (!isDocument(st)) fail(14, 'update statement must be an object');
    checkStatementFields('update', st);
    // a statement's `c` holds constants for its pipeline, beside the command's `let`
    const r = updateOne(ctx, name, st, isDocument(st.c) ? { ...vars, ...letVariables(st.c) } : vars);
    if (r.upsertedId !== undefined) {
      upserted.push({ index, _id: r.upsertedId });
      n++;
    } else n += r.matched;
    nModified += r.modified;
  });
  const base: Doc = { n, nModified };
  if (upserted.length) base.upserted = upserted;
  return reply(base, writeErrors);
};

const del: Handler = (cmd, ctx) => {
  const name = targetCollection(cmd);
  const sts = statements(cmd, 'deletes');
  let n = 0;
  const variables = letVariables(cmd.let);
  const writeErrors = runBatch(cmd, sts, (st) => {
    if (!isDocument(st) || !isDocument(st.q)) fail(14, "BSON field 'delete.deletes.q' is missing");
    checkStatementFields('delete', st);
    const limit = Number(st.limit ?? 0);
    if (limit !== 0 && limit !== 1) fail(9, `The limit field in delete objects must be 0 or 1. Got ${limit}`);
    const coll = ctx.engine.collection(ctx.db, name);
    checkHint(coll, st.hint);
    if (!coll) return;
    const collation = resolveCollation(st.collation, coll);
    const { docs } = readDocs(coll, { filter: st.q as Doc, limit, collation, variables });
    for (const d of docs) ctx.engine.remove(coll, d);
    n += docs.length;
  });
  return reply({ n }, writeErrors);
};

export const writeHandlers: Record<string, Handler> = { insert, update, delete: del };

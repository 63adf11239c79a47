/** findAndModify: errors (duplicate key included) are top-level command errors. */
import { isDocument } from '../bson/paths';
import { fail } from '../engine/errors';
import type { Doc } from '../engine/index-store';
import { compileProjection } from '../engine/projection';
import { readDocs } from '../engine/reader';
import { resolveCollation, withCollation } from '../engine/collation';
import { letVariables } from '../engine/let-variables';
import { applyUpdate, buildUpsert, validateUpdate } from '../engine/update';
import { targetCollection, type Handler } from './context';
import { checkHint } from './hint';
import { checkStorable } from './write';

const findAndModify: Handler = (cmd, ctx) => {
  const name = targetCollection(cmd);
  const sort = isDocument(cmd.sort) ? cmd.sort : undefined;
  const query = isDocument(cmd.query) ? cmd.query : {};
  const project = compileProjection(
    (isDocument(cmd.fields) ? cmd.fields : undefined) ?? (isDocument(cmd.projection) ? cmd.projection : undefined),
    query,
  );
  const remove = cmd.remove === true;
  const returnNew = cmd.new === true;
  const u = cmd.update as Doc | Doc[] | undefined;
  if (remove && u !== undefined) fail(9, 'Cannot specify both an update and remove=true');
  if (!remove && u === undefined) fail(9, 'Either an update or remove=true must be specified');
  if (remove && cmd.upsert === true) fail(9, 'Cannot specify both upsert=true and remove=true');
  if (remove && returnNew)
    fail(9, "Cannot specify both new=true and remove=true; 'remove' always returns the deleted document");
  if (u !== undefined) validateUpdate(u, cmd.arrayFilters);
  const arrayFilters = Array.isArray(cmd.arrayFilters) ? (cmd.arrayFilters as Doc[]) : undefined;
  const coll = ctx.engine.collection(ctx.db, name);
  checkHint(coll, cmd.hint);
  const collation = resolveCollation(cmd.collation, coll);
  const variables = letVariables(cmd.let);
  const { docs } = readDocs(coll, { filter: query, sort, limit: 1, collation, variables });
  const doc = docs[0];
  if (remove) {
    if (doc && coll) ctx.engine.remove(coll, doc);
    return { lastErrorObject: { n: doc ? 1 : 0 }, value: doc ? project(doc) : null, ok: 1 };
  }
  if (u === undefined) return fail(9, 'Either an update or remove=true must be specified');
  if (doc && coll) {
    const next = withCollation(collation, () => applyUpdate(doc, u, { arrayFilters, filter: query, variables }));
    checkStorable(coll, next, doc);
    ctx.engine.replace(coll, doc, next);
    return { lastErrorObject: { n: 1, updatedExisting: true }, value: project(returnNew ? next : doc), ok: 1 };
  }
  if (cmd.upsert === true) {
    const c = ctx.engine.ensureCollection(ctx.db, name);
    const created = buildUpsert(query, u, arrayFilters, variables);
    checkStorable(c, created);
    ctx.engine.insert(c, created);
    return {
      lastErrorObject: { n: 1, updatedExisting: false, upserted: created._id },
      value: returnNew ? project(created) : null,
      ok: 1,
    };
  }
  return { lastErrorObject: { n: 0, updatedExisting: false }, value: null, ok: 1 };
};

export const findAndModifyHandlers: Record<string, Handler> = { findAndModify, findandmodify: findAndModify };

/**
 * Read-only views (core/views): `create` with `viewOn`/`pipeline` stores the definition in the catalog as a
 * collection whose options hold it; find, count, distinct and aggregate on a view run the view's pipeline on
 * its source (views on views resolved up to MongoDB's depth of 20) followed by the command's own stages.
 * Writes and index commands on a view fail with 166 CommandNotSupportedOnView.
 */
import { isDocument } from '../bson/paths';
import { fail } from '../engine/errors';
import type { Doc } from '../engine/index-store';
import { compileProjection } from '../engine/projection';
import { runPipeline } from './aggregate';
import { targetCollection, type CommandContext, type Handler } from './context';
import { distinctValues } from './query';

const MAX_VIEW_DEPTH = 20;

export const isViewOptions = (options: Doc | undefined): boolean => typeof options?.viewOn === 'string';

/** The real collection a view reads and the pipeline that produces it, or null when `name` is no view. */
export function resolveView(ctx: CommandContext, name: string): { source: string; pipeline: Doc[] } | null {
  let c = ctx.engine.collection(ctx.db, name);
  if (!c || !isViewOptions(c.options)) return null;
  let pipeline: Doc[] = [];
  for (let depth = 0; c && isViewOptions(c.options); depth++) {
    if (depth >= MAX_VIEW_DEPTH)
      fail(149, `View depth too deep or view cycle detected; maximum depth is ${MAX_VIEW_DEPTH}`);
    pipeline = [...((c.options.pipeline as Doc[] | undefined) ?? []), ...pipeline];
    name = String(c.options.viewOn);
    c = ctx.engine.collection(ctx.db, name);
  }
  return { source: name, pipeline };
}

function notOnView(ctx: CommandContext, name: string, what: string): void {
  if (resolveView(ctx, name))
    fail(166, `Namespace ${ctx.db}.${name} is a view, not a collection${what ? ` (${what})` : ''}`);
}

/** Checks a view definition (reference/method/db.createView): `viewOn` a name, `pipeline` without $out/$merge. */
export function checkViewDefinition(cmd: Doc): Doc {
  if (typeof cmd.viewOn !== 'string' || !cmd.viewOn)
    fail(14, "BSON field 'create.viewOn' is the wrong type, expected type 'string'");
  const pipeline = cmd.pipeline ?? [];
  if (!Array.isArray(pipeline))
    return fail(14, "BSON field 'create.pipeline' is the wrong type, expected type 'array'");
  for (const st of pipeline as unknown[]) {
    if (!isDocument(st)) fail(14, 'each pipeline stage of a view must be an object');
    const op = Object.keys(st as Doc)[0];
    if (op === '$out' || op === '$merge')
      fail(ERR_OPTION_NOT_SUPPORTED_ON_VIEW, `${op} cannot be used in a view definition`);
  }
  for (const k of Object.keys(cmd))
    if (!['create', 'viewOn', 'pipeline', 'collation', 'writeConcern', 'lsid', '$db', 'comment'].includes(k))
      fail(ERR_OPTION_NOT_SUPPORTED_ON_VIEW, `option ${k} not supported on a view`);
  return { viewOn: cmd.viewOn, pipeline };
}

const ERR_OPTION_NOT_SUPPORTED_ON_VIEW = 157;

/** find on a view: the view's pipeline, then the filter, sort, skip and limit as stages; the find projection. */
function viewFind(cmd: Doc, ctx: CommandContext, view: { source: string; pipeline: Doc[] }): Doc {
  const filter = isDocument(cmd.filter) ? cmd.filter : {};
  const stages: Doc[] = [...view.pipeline, { $match: filter }];
  if (isDocument(cmd.sort) && Object.keys(cmd.sort).length) stages.push({ $sort: cmd.sort });
  if (cmd.skip) stages.push({ $skip: Number(cmd.skip) });
  const limit = Math.abs(Number(cmd.limit ?? 0));
  if (limit) stages.push({ $limit: limit });
  const { docs } = runPipeline({ aggregate: view.source, pipeline: stages, let: cmd.let }, ctx);
  const project = compileProjection(isDocument(cmd.projection) ? cmd.projection : undefined, filter);
  const batchSize = cmd.batchSize !== undefined ? Number(cmd.batchSize) : limit || undefined;
  return ctx.cursors.open(`${ctx.db}.${String(cmd.find)}`, docs, (d) => project(d), batchSize);
}

function viewDocs(ctx: CommandContext, view: { source: string; pipeline: Doc[] }, query: unknown, extra: Doc[] = []) {
  const stages = [...view.pipeline, { $match: isDocument(query) ? query : {} }, ...extra];
  return runPipeline({ aggregate: view.source, pipeline: stages }, ctx).docs;
}

const READS: Record<string, (cmd: Doc, ctx: CommandContext, view: { source: string; pipeline: Doc[] }) => Doc> = {
  find: viewFind,
  count: (cmd, ctx, view) => {
    const extra: Doc[] = [];
    if (cmd.skip) extra.push({ $skip: Number(cmd.skip) });
    if (cmd.limit) extra.push({ $limit: Math.abs(Number(cmd.limit)) });
    return { n: viewDocs(ctx, view, cmd.query, extra).length, ok: 1 };
  },
  distinct: (cmd, ctx, view) => {
    if (typeof cmd.key !== 'string') fail(14, "BSON field 'distinct.key' is missing but a required field");
    return { values: distinctValues(viewDocs(ctx, view, cmd.query), cmd.key as string), ok: 1 };
  },
  aggregate: (cmd, ctx, view) => ({
    ...cmd,
    aggregate: view.source,
    pipeline: [...view.pipeline, ...(Array.isArray(cmd.pipeline) ? cmd.pipeline : [])],
  }),
};

const WRITES = new Set([
  'insert',
  'update',
  'delete',
  'findAndModify',
  'findandmodify',
  'createIndexes',
  'dropIndexes',
  'deleteIndexes',
  'listIndexes',
  'validate',
]);

/** collMod of a view replaces its `viewOn`/`pipeline` (reference/command/collMod#views). */
const collModView: Handler = (cmd, ctx) => {
  const c = ctx.engine.collection(ctx.db, targetCollection(cmd));
  if (!c) return fail(26, `ns does not exist: ${ctx.db}.${String(cmd.collMod)}`);
  const others = Object.keys(cmd).filter(
    (k) => !['collMod', 'viewOn', 'pipeline', 'writeConcern', 'lsid', '$db', 'comment'].includes(k),
  );
  if (others.length) fail(166, `option ${others[0]} is not supported on a view: ${c.ns}`);
  c.options = checkViewDefinition({
    viewOn: cmd.viewOn ?? c.options.viewOn,
    pipeline: cmd.pipeline ?? c.options.pipeline,
  });
  ctx.engine.catalogChanged();
  return { ok: 1 };
};

/** Wraps the command table: reads of a view run through its pipeline, writes to a view fail with 166. */
export function withViews(handlers: Record<string, Handler>): Record<string, Handler> {
  const out = { ...handlers };
  out.collMod = (cmd, ctx) =>
    typeof cmd.collMod === 'string' && resolveView(ctx, cmd.collMod)
      ? collModView(cmd, ctx)
      : handlers.collMod(cmd, ctx);
  out.explain = (cmd, ctx) => {
    const inner = isDocument(cmd.explain) ? cmd.explain : {};
    const target = inner[Object.keys(inner)[0]];
    if (typeof target === 'string' && resolveView(ctx, target))
      fail(115, 'explain of a query on a view is not supported by the embedded server');
    return handlers.explain(cmd, ctx);
  };
  for (const name of Object.keys(READS)) {
    const base = handlers[name];
    out[name] = (cmd, ctx) => {
      const view = typeof cmd[name] === 'string' ? resolveView(ctx, targetCollection(cmd)) : null;
      if (!view) return base(cmd, ctx);
      const r = READS[name](cmd, ctx, view);
      // aggregate: the rewritten command runs through the ordinary handler (cursors, $out, $merge)
      return name === 'aggregate' ? base(r, ctx) : r;
    };
  }
  for (const name of WRITES) {
    const base = handlers[name];
    out[name] = (cmd, ctx) => {
      if (typeof cmd[name] === 'string') notOnView(ctx, targetCollection(cmd), '');
      return base(cmd, ctx);
    };
  }
  return out;
}

export { notOnView };

/** aggregate: mingo's pipeline over the collection, with a leading $match answered by the read path. */
import { cloneDoc, isDocument } from '../bson/paths';
import { jsRegexes } from '../bson/values';
import { fail, toFailure } from '../engine/errors';
import type { Doc } from '../engine/index-store';
import '../engine/match';
import '../engine/window-fields';
import '../engine/pipeline-order';
import { newAggregator } from '../engine/mingo';
import { readDocs } from '../engine/reader';
import { resolveCollation, withCollation } from '../engine/collation';
import { letVariables } from '../engine/let-variables';
import { type LookupSource, withLookupSource } from '../engine/lookup-join';
import type { CommandContext, Handler } from './context';
import { stripScore, textPipeline } from './aggregate-text';
import { rewritePipeline } from './lookup-rewrite';
import { checkHint } from './hint';
import { checkPipeline } from './pipeline-checks';
import { checkStorable, withId } from './write';
import { parseMerge, writeMerge, type MergeSpec } from './merge';
import { notOnView, resolveView } from './views';
import { checkGeoNearPlacement, geoNearDocs } from './geo-near';

const isPlainSort = (sort: unknown): boolean =>
  isDocument(sort) && Object.keys(sort).length > 0 && Object.values(sort).every((d) => d === 1 || d === -1);

const UNSUPPORTED = new Set([
  '$changeStream',
  '$indexStats',
  '$currentOp',
  '$listSessions',
  '$search',
  '$vectorSearch',
]);

export function runPipeline(
  cmd: Doc,
  ctx: CommandContext,
): { docs: Doc[]; ns: string; out?: string; merge?: MergeSpec } {
  if (!Array.isArray(cmd.pipeline)) fail(14, "'pipeline' option must be specified as an array");
  checkPipeline(cmd.pipeline as unknown[]);
  let pipeline = rewritePipeline(jsRegexes(cmd.pipeline) as Doc[]);
  const dbLevel = cmd.aggregate === 1;
  const name = dbLevel ? '' : String(cmd.aggregate);
  for (const st of pipeline) {
    if (!isDocument(st) || Object.keys(st).length !== 1)
      fail(40323, 'A pipeline stage specification object must contain exactly one field.');
    const op = Object.keys(st)[0];
    if (UNSUPPORTED.has(op))
      fail(40324, `Unrecognized pipeline stage name: '${op}' (not supported by the embedded server)`);
  }
  checkGeoNearPlacement(pipeline);
  let out: string | undefined;
  const last = pipeline[pipeline.length - 1];
  if (last && '$out' in last) {
    const target = last.$out;
    out = typeof target === 'string' ? target : isDocument(target) ? String(target.coll) : fail(2, 'invalid $out');
    pipeline = pipeline.slice(0, -1);
  }
  let merge: MergeSpec | undefined;
  if (pipeline.slice(0, -1).some((st) => '$merge' in st))
    fail(40601, '$merge can only be the final stage in the pipeline');
  if (last && '$merge' in last) {
    merge = parseMerge(last.$merge, ctx.db);
    pipeline = pipeline.slice(0, -1);
  }
  const first0 = pipeline[0];
  if (!dbLevel && first0 && isDocument(first0.$collStats)) {
    // tools (Compass, mongosh) ask for collection statistics this way
    const c = ctx.engine.collection(ctx.db, name);
    if (!c)
      return fail(
        26,
        `Unable to retrieve storageStats in $collStats stage :: caused by :: Collection [${ctx.db}.${name}] not found.`,
      );
    const n = c.count();
    const stats: Doc = { ns: c.ns, host: `${ctx.server.host}:${ctx.server.port}`, localTime: new Date() };
    if (first0.$collStats.count !== undefined) stats.count = n;
    if (first0.$collStats.storageStats !== undefined) {
      stats.storageStats = {
        size: 0,
        count: n,
        avgObjSize: 0,
        storageSize: 0,
        freeStorageSize: 0,
        capped: c.options.capped === true,
        nindexes: c.indexes.size,
        totalIndexSize: 0,
        totalSize: 0,
        indexSizes: {},
      };
    }
    return { docs: [stats], ns: c.ns };
  }
  let source: Doc[] = [];
  let textScores = false;
  const coll = dbLevel ? undefined : ctx.engine.collection(ctx.db, name);
  const collation = resolveCollation(cmd.collation, coll);
  const variables = letVariables(cmd.let);
  if (!dbLevel) {
    checkHint(coll, cmd.hint);
    const first = pipeline[0];
    if (first && isDocument(first.$geoNear)) {
      source = geoNearDocs(coll, first.$geoNear);
      pipeline = pipeline.slice(1);
    } else if (
      first &&
      isDocument(first.$match) &&
      !('$text' in first.$match) &&
      (variables || !JSON.stringify(Object.keys(first.$match)).includes('$expr'))
    ) {
      // a following $sort and/or $limit is answered by the same read: an index supplies the order and the
      // read stops at the limit instead of fetching every matching document
      const sort = isPlainSort(pipeline[1]?.$sort) ? (pipeline[1].$sort as Doc) : undefined;
      const limitStage = pipeline[sort ? 2 : 1]?.$limit;
      const limit = Number.isSafeInteger(limitStage) && (limitStage as number) > 0 ? (limitStage as number) : undefined;
      source = readDocs(coll, { filter: first.$match, sort, limit, collation, variables }).docs;
      pipeline = pipeline.slice(1 + (sort ? 1 : 0) + (limit ? 1 : 0));
    } else if (first && isDocument(first.$match) && '$text' in first.$match) {
      const prepared = textPipeline(coll, first.$match, pipeline.slice(1));
      source = prepared.source;
      pipeline = prepared.pipeline;
      textScores = true;
    } else {
      source = coll ? [...coll.all()] : [];
    }
  } else if (pipeline[0] && '$listLocalSessions' in pipeline[0]) {
    source = ctx.server.sessions?.list(pipeline[0].$listLocalSessions) ?? [];
    pipeline = pipeline.slice(1);
  } else if (!pipeline[0] || !('$documents' in pipeline[0])) {
    fail(115, 'database-level aggregate supports only $documents and $listLocalSessions');
  }
  // mingo's stages may modify their input documents in place ($unwind, $set/$unset on embedded paths):
  // the pipeline works on copies, never on the stored documents
  const resolver = (coll: string): Doc[] => {
    const view = resolveView(ctx, coll);
    if (view) return runPipeline({ aggregate: view.source, pipeline: view.pipeline }, ctx).docs;
    return [...(ctx.engine.collection(ctx.db, coll)?.all() ?? [])];
  };
  const lookupSource: LookupSource = (from, foreignField, keys) => {
    if (resolveView(ctx, from)) return null;
    const foreign = ctx.engine.collection(ctx.db, from);
    return foreign ? readDocs(foreign, { filter: { [foreignField]: { $in: keys } }, collation }).docs : [];
  };
  let docs: Doc[];
  try {
    docs = pipeline.length
      ? withCollation(collation, () =>
          withLookupSource(
            lookupSource,
            () =>
              newAggregator(pipeline, {
                collectionResolver: resolver,
                ...(variables ? { variables } : {}),
              }).run(source.map(cloneDoc)) as Doc[],
          ),
        )
      : source;
  } catch (e) {
    throw toFailure(e);
  }
  if (textScores) docs = stripScore(docs);
  return { docs, ns: dbLevel ? `${ctx.db}.$cmd.aggregate` : `${ctx.db}.${name}`, out, merge };
}

let outSeq = 0;

/**
 * `$out` builds the results in a temporary collection with the target's options and indexes, then replaces
 * the target; if a document fails (duplicate key, validation) the target is left unchanged
 * (reference/operator/aggregation/out: "does not change any indexes that existed on the previous collection").
 */
function writeOut(ctx: CommandContext, out: string, docs: Doc[]): void {
  const existing = ctx.engine.collection(ctx.db, out);
  if (existing?.options.capped === true)
    fail(17152, `namespace '${existing.ns}' is capped so it can't be used for $out`);
  notOnView(ctx, out, '$out');
  const temp = ctx.engine.createCollection(ctx.db, `tmp.agg_out.${++outSeq}`, existing ? { ...existing.options } : {});
  try {
    for (const spec of existing?.indexSpecs() ?? [])
      if (spec.name !== '_id_') ctx.engine.createIndex(temp, { ...spec });
    for (const d of docs) {
      const doc = withId(d);
      checkStorable(temp, doc);
      ctx.engine.insert(temp, doc);
    }
  } catch (e) {
    ctx.engine.dropCollection(ctx.db, temp.name);
    throw e;
  }
  ctx.engine.dropCollection(ctx.db, out);
  ctx.engine.renameCollection(temp, ctx.db, out);
}

const aggregate: Handler = (cmd, ctx) => {
  if (cmd.explain === true)
    return {
      queryPlanner: { namespace: `${ctx.db}.${String(cmd.aggregate)}`, winningPlan: { stage: 'PIPELINE' } },
      ok: 1,
    };
  if (!isDocument(cmd.cursor))
    fail(9, "The 'cursor' option is required, except for aggregate with the explain argument");
  const { docs, ns, out, merge } = runPipeline(cmd, ctx);
  if (out !== undefined || merge) {
    if (merge) writeMerge(ctx, merge, docs);
    else writeOut(ctx, out as string, docs);
    return ctx.cursors.open(ns, [], (d) => d, 0);
  }
  const cursor = cmd.cursor as Doc;
  const batchSize = cursor.batchSize !== undefined ? Number(cursor.batchSize) : undefined;
  return ctx.cursors.open(ns, docs, (d) => d, batchSize);
};

export const aggregateHandlers: Record<string, Handler> = { aggregate };

/** find / getMore / killCursors / count / distinct. */
import { compareValues } from '../bson/compare';
import { isDocument, pathValues } from '../bson/paths';
import { fail } from '../engine/errors';
import type { Doc } from '../engine/index-store';
import { compileProjection } from '../engine/projection';
import { readDocs } from '../engine/reader';
import { targetCollection, type CommandContext, type Handler } from './context';
import { checkHint } from './hint';

function optDoc(v: unknown, what: string): Doc | undefined {
  if (v === undefined || v === null) return undefined;
  if (!isDocument(v)) return fail(14, `BSON field '${what}' is the wrong type '${typeof v}', expected type 'object'`);
  return v;
}

function optNumber(v: unknown, what: string, allowNegative = false): number | undefined {
  if (v === undefined || v === null) return undefined;
  const n = Number(v);
  if (!Number.isFinite(n)) return fail(14, `BSON field '${what}' is the wrong type, expected a number`);
  if (n < 0 && !allowNegative) fail(51024, `BSON field '${what}' value must be >= 0, actual value '${n}'`);
  return n;
}

export function runFind(cmd: Doc, ctx: CommandContext) {
  const name = targetCollection(cmd);
  const filter = optDoc(cmd.filter, 'filter') ?? {};
  const sort = optDoc(cmd.sort, 'sort');
  const projection = optDoc(cmd.projection, 'projection');
  const skip = optNumber(cmd.skip, 'skip') ?? 0;
  let limit = optNumber(cmd.limit, 'limit', true) ?? 0;
  let singleBatch = cmd.singleBatch === true;
  if (limit < 0) {
    limit = -limit;
    singleBatch = true;
  }
  const project = compileProjection(projection, filter);
  const coll = ctx.engine.collection(ctx.db, name);
  checkHint(coll, cmd.hint);
  const result = readDocs(coll, { filter, sort, skip, limit });
  return { name, result, project, limit, singleBatch };
}

const find: Handler = (cmd, ctx) => {
  const { name, result, project, limit, singleBatch } = runFind(cmd, ctx);
  let batchSize = optNumber(cmd.batchSize, 'batchSize');
  if (limit && (batchSize === undefined || batchSize > limit)) batchSize = limit;
  const scores = result.scores;
  const projector = scores ? (d: Doc) => project(d, scores.get(d)) : (d: Doc) => project(d);
  return ctx.cursors.open(
    `${ctx.db}.${name}`,
    result.docs,
    projector,
    batchSize,
    singleBatch || (limit > 0 && result.docs.length <= (batchSize ?? 101)),
  );
};

const getMore: Handler = (cmd, ctx) => ctx.cursors.getMore(cmd, ctx.db);

const killCursors: Handler = (cmd, ctx) => {
  if (!Array.isArray(cmd.cursors)) fail(14, 'killCursors requires a cursors array');
  return ctx.cursors.kill(cmd.cursors as unknown[]);
};

const count: Handler = (cmd, ctx) => {
  const name = targetCollection(cmd);
  const coll = ctx.engine.collection(ctx.db, name);
  const query = optDoc(cmd.query, 'query') ?? {};
  checkHint(coll, cmd.hint);
  if (!Object.keys(query).length && !cmd.skip && !cmd.limit) return { n: coll?.count() ?? 0, ok: 1 };
  const skip = optNumber(cmd.skip, 'skip') ?? 0;
  const limit = Math.abs(optNumber(cmd.limit, 'limit', true) ?? 0);
  return { n: readDocs(coll, { filter: query, skip, limit }).docs.length, ok: 1 };
};

const distinct: Handler = (cmd, ctx) => {
  const name = targetCollection(cmd);
  if (typeof cmd.key !== 'string') fail(14, "BSON field 'distinct.key' is missing but a required field");
  const key = cmd.key as string;
  const coll = ctx.engine.collection(ctx.db, name);
  const { docs } = readDocs(coll, { filter: optDoc(cmd.query, 'query') ?? {} });
  const values: unknown[] = [];
  for (const d of docs) {
    const pv = pathValues(d, key, false);
    for (const v of pv.values) for (const x of Array.isArray(v) ? v : [v]) values.push(x);
  }
  values.sort(compareValues);
  const out = values.filter((v, i) => i === 0 || compareValues(values[i - 1], v) !== 0);
  return { values: out, ok: 1 };
};

export const queryHandlers: Record<string, Handler> = { find, getMore, killCursors, count, distinct };

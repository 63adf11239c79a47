/** explain: reports the plan (IXSCAN with the index name and bounds, or COLLSCAN) and execution counts. */
import { TypeClass } from '../bson/compare';
import { isDocument } from '../bson/paths';
import { formatKeyValue } from '../engine/format';
import { fail } from '../engine/errors';
import type { Doc, FieldBounds } from '../engine/index-store';
import type { Plan } from '../engine/planner';
import type { CommandContext, Handler } from './context';
import { runFind } from './query';

export function describePlan(plan: Plan): Doc {
  if (plan.stage === 'IDHACK') return { stage: 'IDHACK' };
  if (plan.stage === 'OR')
    return {
      stage: 'SUBPLAN',
      inputStage: { stage: 'OR', inputStages: (plan.branches ?? []).map((b) => describePlan(b.plan)) },
    };
  if (plan.stage === 'COLLSCAN' || !plan.index) return { stage: 'COLLSCAN', direction: 'forward' };
  return {
    stage: 'FETCH',
    inputStage: {
      stage: 'IXSCAN',
      keyPattern: plan.index.spec.key,
      indexName: plan.index.name,
      isMultiKey: plan.index.multikey,
      ...(plan.index.collation ? { collation: plan.index.collation } : {}),
      direction: plan.reverse ? 'backward' : 'forward',
      indexBounds: indexBounds(plan),
    },
  };
}

const ALL = '[MinKey, MaxKey]';
/** mongod's open ends of a type-bracketed range */
const OPEN_ENDS: Partial<Record<TypeClass, [string, string]>> = {
  [TypeClass.Number]: ['-inf', 'inf'],
  [TypeClass.String]: ['""', '{}'],
};

function interval(b: FieldBounds): string {
  if (b.eq !== undefined) return `[${formatKeyValue(b.eq)}, ${formatKeyValue(b.eq)}]`;
  const [min, max] = (b.typeClass !== undefined && OPEN_ENDS[b.typeClass]) || ['MinKey', 'MaxKey'];
  const low = b.low ? `${b.low.inclusive ? '[' : '('}${formatKeyValue(b.low.value)}` : `[${min}`;
  const high = b.high ? `${formatKeyValue(b.high.value)}${b.high.inclusive ? ']' : ')'}` : `${max}]`;
  return `${low}, ${high}`;
}

/** The scanned intervals per index field, as mongod lists them (the scan's own ends: inclusive on a collated index). */
function indexBounds(plan: Plan): Record<string, string[]> {
  const fields = plan.index?.fields ?? [];
  const scans = plan.bounds ?? [];
  const one = scans.length === 1 && scans[0].eq !== undefined ? scans[0] : null;
  const fixed = one ? [one.eq, ...(one.prefix ?? [])] : [];
  return Object.fromEntries(
    fields.map(([f], i) => {
      if (i === 0) return [f, scans.length ? scans.map(interval) : [ALL]];
      if (i < fixed.length) return [f, [interval({ eq: fixed[i] })]];
      if (one?.next && i === fixed.length) return [f, [interval(one.next)]];
      return [f, [ALL]];
    }),
  );
}

const explain: Handler = (cmd, ctx: CommandContext) => {
  const inner = cmd.explain;
  if (!isDocument(inner)) return fail(14, 'explain command requires a nested object');
  const verb = Object.keys(inner)[0];
  let findCmd: Doc;
  if (verb === 'find') findCmd = inner;
  else if (verb === 'count') findCmd = { find: inner.count, filter: inner.query };
  else if (verb === 'distinct') findCmd = { find: inner.distinct, filter: inner.query };
  else if (verb === 'update' || verb === 'delete') {
    const st = ((inner.updates ?? inner.deletes) as Doc[] | undefined)?.[0] ?? {};
    findCmd = { find: inner[verb], filter: st.q };
  } else if (verb === 'findAndModify') findCmd = { find: inner.findAndModify, filter: inner.query, sort: inner.sort };
  else if (verb === 'aggregate') {
    const first = (inner.pipeline as Doc[] | undefined)?.[0];
    findCmd = { find: inner.aggregate, filter: first && isDocument(first.$match) ? first.$match : {} };
  } else return fail(59, `Explain failed: unsupported command ${verb}`);
  const { name, result } = runFind(findCmd, { ...ctx });
  return {
    queryPlanner: {
      namespace: `${ctx.db}.${name}`,
      parsedQuery: findCmd.filter ?? {},
      winningPlan: describePlan(result.plan),
      rejectedPlans: [],
    },
    executionStats: {
      executionSuccess: true,
      nReturned: result.docs.length,
      totalDocsExamined: result.docsExamined,
      totalKeysExamined: result.plan.stage === 'COLLSCAN' ? 0 : result.docsExamined,
    },
    command: inner,
    serverInfo: { host: ctx.server.host, port: ctx.server.port, version: '7.0.0' },
    ok: 1,
  };
};

export const explainHandlers: Record<string, Handler> = { explain };

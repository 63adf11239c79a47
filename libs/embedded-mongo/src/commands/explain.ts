/** explain: reports the plan (IXSCAN with the index name, or COLLSCAN) and execution counts. */
import { isDocument } from '../bson/paths';
import { fail } from '../engine/errors';
import type { Doc } from '../engine/index-store';
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
      isMultiKey: false,
      direction: plan.reverse ? 'backward' : 'forward',
    },
  };
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

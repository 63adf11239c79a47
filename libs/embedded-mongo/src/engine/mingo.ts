/**
 * mingo, assembled with our own operator context. mingo's public `Query`/`Aggregator` merge a caller's
 * context *under* the built-in operators (built-ins win), so the BSON-aware comparison operators in
 * match.ts could never take effect through them. We build the full context ourselves, with our query
 * operators replacing mingo's, and use mingo's base classes.
 */

import { Context } from 'mingo';
import { jsonSchemaValidator } from './json-schema';

type AnyFn = (...args: never[]) => unknown;
type Ops = Record<string, AnyFn>;

interface QueryInstance {
  test(obj: Record<string, unknown>): boolean;
  find(collection: unknown[], projection?: Record<string, unknown>): { all(): unknown[] };
}
interface AggregatorInstance {
  run(collection: unknown[]): unknown[];
}

const QueryBase = (require('mingo/query') as { Query: new (c: Record<string, unknown>, o: unknown) => QueryInstance })
  .Query;
const AggregatorBase = (
  require('mingo/aggregator') as { Aggregator: new (p: unknown[], o: unknown) => AggregatorInstance }
).Aggregator;
const updater = require('mingo/updater') as {
  update(
    obj: Record<string, unknown>,
    modifier: unknown,
    arrayFilters: unknown[],
    condition: unknown,
    options: unknown,
  ): string[];
};

const pick = (m: Record<string, unknown>): Ops => {
  const out: Ops = {};
  for (const k of Object.keys(m)) if (k.startsWith('$') && typeof m[k] === 'function') out[k] = m[k] as AnyFn;
  return out;
};

let context: Context | null = null;

/** mingo's operators with ours (operators.ts) in their place. */
function buildContext(): Context {
  // required on first use: the operator modules themselves build queries through this module
  const ours = (require('./operators') as typeof import('./operators')).operatorList();
  return Context.init({
    accumulator: { ...pick(require('mingo/operators/accumulator')), ...ours.accumulator } as never,
    expression: { ...pick(require('mingo/operators/expression')), ...ours.expression } as never,
    pipeline: { ...pick(require('mingo/operators/pipeline')), ...ours.pipeline } as never,
    projection: pick(require('mingo/operators/projection')) as never,
    query: { ...pick(require('mingo/operators/query')), ...ours.query } as never,
    window: { ...pick(require('mingo/operators/window')), ...ours.window } as never,
  });
}

export const lazy = (require('mingo/lazy') as { Lazy: (src: unknown[]) => unknown }).Lazy;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function mingoOptions(extra: Record<string, unknown> = {}): any {
  context ??= buildContext();
  return {
    idKey: '_id',
    useStrictMode: true,
    scriptEnabled: false,
    failOnError: true,
    processingMode: 0,
    jsonSchemaValidator,
    ...extra,
    context,
  };
}

export function newQuery(condition: Record<string, unknown>, extra?: Record<string, unknown>): QueryInstance {
  return new QueryBase(condition, mingoOptions(extra));
}

export function newAggregator(pipeline: unknown[], extra?: Record<string, unknown>): AggregatorInstance {
  return new AggregatorBase(pipeline, mingoOptions(extra));
}

export function mingoUpdate(
  obj: Record<string, unknown>,
  modifier: unknown,
  arrayFilters: unknown[],
  condition: unknown,
): string[] {
  return updater.update(obj, modifier, arrayFilters, condition, { cloneMode: 'deep', queryOptions: mingoOptions() });
}

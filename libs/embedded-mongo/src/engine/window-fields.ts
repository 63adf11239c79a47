/**
 * `$setWindowFields`: mingo computes window outputs through an internal `$function` expression, which the
 * server's options (no user JavaScript) refuse, so every window stage failed. The stage runs with scripts
 * enabled for mingo's own use; user `$function`/`$where` stay refused elsewhere.
 *
 * mingo selects a numeric `range` window with `value + bound` and `+value`, which concatenates strings for an
 * int64 or Decimal128 sortBy value (every such window came out empty). Those values are lent to mingo as the
 * doubles they equal exactly and given back after the stage; an int64 beyond ±2^53 or a fractional Decimal128
 * is refused (code 2). `$stdDevPop`/`$stdDevSamp` outputs run as their window forms (window-stddev.ts).
 *
 * mingo returns partitions in the order their first document appears after `sortBy`; mongod sorts by the
 * partition key first (BSON order), so the key is computed into a hidden field and the output sorted on it
 * (a stable sort keeps each partition's `sortBy` order).
 */
import { decimalToInteger } from './decimal-math';
import { lazy } from './mingo';
import { comparator } from './reader';
import { fail } from './errors';
import { asDouble, numKind } from './number-types';
import { WINDOW_STDDEV } from './window-stddev';

type Stage = (coll: unknown, expr: unknown, options: unknown) => unknown;
interface Iter {
  map(f: (o: Record<string, unknown>) => unknown): Iter;
  transform(f: (docs: Record<string, unknown>[]) => unknown): Iter;
}
interface WindowSpec {
  partitionBy?: unknown;
  sortBy?: Record<string, unknown>;
  output?: Record<string, { window?: { range?: unknown; unit?: unknown } }>;
}
const mingoStages = require('mingo/operators/pipeline') as Record<'$setWindowFields' | '$addFields', Stage>;

/** Where a document's partition key is kept during the stage. */
const PARTITION = '\u0000windowPartition';
const byPartition = comparator({ [PARTITION]: 1 }, null);

/** mingo's stage, with partitions given back in mongod's order (by partition key). */
function base(coll: Iter, expr: WindowSpec, options: Record<string, unknown>): Iter {
  if (expr.partitionBy === undefined) return mingoStages.$setWindowFields(coll, expr, options) as Iter;
  const keyed = mingoStages.$addFields(coll, { [PARTITION]: expr.partitionBy }, options);
  const out = mingoStages.$setWindowFields(keyed, { ...expr, partitionBy: `$${PARTITION}` }, options) as Iter;
  return out.transform((docs) =>
    lazy(
      [...docs].sort(byPartition).map((doc) => {
        delete doc[PARTITION];
        return doc;
      }),
    ),
  );
}

/** Where a sortBy value lent as a double is kept during the stage. */
const LENT = '\u0000windowSortValue';

/** The sortBy field of a numeric (unit-less) range window, if the stage has one. */
function rangeSortKey(spec: WindowSpec): string | null {
  const ranged = Object.values(spec.output ?? {}).some((o) => o?.window?.range && !o.window.unit);
  const key = Object.keys(spec.sortBy ?? {})[0];
  return ranged && key !== undefined ? key : null;
}

function lend(key: string, doc: Record<string, unknown>): Record<string, unknown> {
  const v = doc[key];
  const kind = numKind(v);
  if (kind !== 'long' && kind !== 'decimal') return doc;
  const n = asDouble(v);
  const exact = kind === 'long' ? BigInt(String(v)) : decimalToInteger(v);
  if (exact === null || !Number.isSafeInteger(n) || BigInt(n) !== exact)
    fail(
      2,
      `a range window over the sortBy value ${String(v)} (an int64 beyond 2^53 or a fractional Decimal128) is not supported`,
    );
  return { ...doc, [key]: n, [LENT]: v };
}

function giveBack(key: string, doc: Record<string, unknown>): Record<string, unknown> {
  if (!(LENT in doc)) return doc;
  const out = { ...doc, [key]: doc[LENT] };
  delete out[LENT];
  return out;
}

/** Outputs whose window form differs from the accumulator mingo would call (window-stddev.ts) renamed. */
function windowForms(output: WindowSpec['output']): WindowSpec['output'] {
  if (!output || typeof output !== 'object') return output;
  const out: NonNullable<WindowSpec['output']> = {};
  const internal = Object.values(WINDOW_STDDEV);
  for (const [field, spec] of Object.entries(output)) {
    const keys = spec && typeof spec === 'object' ? Object.keys(spec) : [];
    const own = keys.find((k) => internal.includes(k));
    if (own !== undefined) fail(9, `Unrecognized window function, ${own}`);
    const op = keys.find((k) => k in WINDOW_STDDEV);
    if (op === undefined) out[field] = spec;
    else {
      const { [op]: arg, ...rest } = spec as Record<string, unknown>;
      out[field] = { [WINDOW_STDDEV[op]]: arg, ...rest };
    }
  }
  return out;
}

export const windowStages = {
  $setWindowFields: ((
    coll: Iter,
    expr: WindowSpec,
    options: { options?: Record<string, unknown> } & Record<string, unknown>,
  ) => {
    const raw = options?.options ?? options;
    expr = { ...expr, output: windowForms(expr.output) };
    const key = rangeSortKey(expr);
    if (key === null) return base(coll, expr, { ...raw, scriptEnabled: true });
    const out = base(
      coll.map((d) => lend(key, d)),
      expr,
      { ...raw, scriptEnabled: true },
    );
    return out.map((d) => giveBack(key, d));
  }) as never,
};

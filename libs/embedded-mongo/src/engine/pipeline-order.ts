/**
 * Field order of pipeline outputs as MongoDB produces them: a `$project` keeps the input document's field
 * order (so `_id` stays first) with computed fields after, and `$bucket`/`$bucketAuto` put `_id` first.
 * mingo emits `$project` fields in specification order with `_id` last.
 */
import type { Doc } from './index-store';
import { orderLike } from './projection';

interface LazyLike {
  map(f: (d: Doc) => Doc): LazyLike;
}
type Stage = (coll: LazyLike, expr: unknown, options: unknown) => LazyLike;
const base = require('mingo/operators/pipeline') as Record<'$project' | '$bucket' | '$bucketAuto', Stage>;

const idFirst = (d: Doc): Doc => {
  if (!d || typeof d !== 'object' || !('_id' in d) || Object.keys(d)[0] === '_id') return d;
  const { _id, ...rest } = d;
  return { _id, ...rest };
};

export const orderedStages = {
  $project: ((coll: LazyLike, expr: unknown, options: unknown) => {
    // mingo's $project maps one document at a time, so the last document read is the one projected
    let source: Doc = {};
    const tapped = coll.map((d) => (source = d));
    return base.$project(tapped, expr, options).map((out) => orderLike(source, out));
  }) as never,
  $bucket: ((coll: LazyLike, expr: unknown, options: unknown) =>
    base.$bucket(coll, expr, options).map(idFirst)) as never,
  $bucketAuto: ((coll: LazyLike, expr: unknown, options: unknown) =>
    base.$bucketAuto(coll, expr, options).map(idFirst)) as never,
};

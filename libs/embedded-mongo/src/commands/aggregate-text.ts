/**
 * `$text` in an aggregation's first `$match`: the read path finds and scores the documents, each copy
 * carries its score in a hidden field, and later `{$meta: "textScore"}` expressions and sorts read it.
 */
import { isDocument } from '../bson/paths';
import type { Collection } from '../engine/collection';
import type { Doc } from '../engine/index-store';
import { readDocs } from '../engine/reader';

export const SCORE_FIELD = '__embedded_textScore';

function rewrite(v: unknown, inSort: boolean): unknown {
  if (Array.isArray(v)) return v.map((x) => rewrite(x, false));
  if (!isDocument(v)) return v;
  if (v.$meta === 'textScore' && Object.keys(v).length === 1) return inSort ? -1 : `$${SCORE_FIELD}`;
  const out: Doc = {};
  for (const [k, x] of Object.entries(v)) out[k] = rewrite(x, false);
  return out;
}

export function textPipeline(
  coll: Collection | undefined,
  match: Doc,
  rest: Doc[],
): { source: Doc[]; pipeline: Doc[] } {
  const { docs, scores } = readDocs(coll, { filter: match });
  const source = docs.map((d) => ({ ...d, [SCORE_FIELD]: scores?.get(d) ?? 0 }));
  const pipeline = rest.map((stage) => {
    if (isDocument(stage.$sort)) {
      const sort: Doc = {};
      for (const [k, dir] of Object.entries(stage.$sort)) {
        if (isDocument(dir) && dir.$meta === 'textScore') sort[SCORE_FIELD] = -1;
        else sort[k] = dir;
      }
      return { $sort: sort };
    }
    return rewrite(stage, false) as Doc;
  });
  return { source, pipeline };
}

export function stripScore(docs: Doc[]): Doc[] {
  return docs.map((d) => {
    if (!isDocument(d) || !(SCORE_FIELD in d)) return d;
    const { [SCORE_FIELD]: _omit, ...rest } = d;
    void _omit;
    return rest;
  });
}

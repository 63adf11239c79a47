/**
 * `$lookup` with both `localField`/`foreignField` and a `pipeline` (MongoDB 5.0+) joins on the fields AND
 * runs the pipeline on the matches. mingo ignores the fields in that form and returns every document of
 * the other collection, so the stage is rewritten to the equivalent let/pipeline form: a leading `$match`
 * that keeps foreign documents whose field equals the local value (any element when the local value is an
 * array, as in MongoDB's equality join). Nested pipelines ($facet, inner $lookup) are rewritten too.
 */
import { isDocument } from '../bson/paths';
import type { Doc } from '../engine/index-store';

const LOCAL = '__cv_lookup_local';

function rewriteLookup(spec: Doc): Doc {
  const pipeline = Array.isArray(spec.pipeline) ? rewritePipeline(spec.pipeline as Doc[]) : undefined;
  if (!pipeline || typeof spec.localField !== 'string' || typeof spec.foreignField !== 'string') {
    return pipeline ? { ...spec, pipeline } : spec;
  }
  const { localField, foreignField, ...rest } = spec;
  const local = `$$${LOCAL}`;
  const candidates = { $cond: [{ $isArray: local }, local, [local]] };
  const join = { $match: { $expr: { $in: [{ $ifNull: [`$${foreignField}`, null] }, candidates] } } };
  return {
    ...rest,
    let: { ...(isDocument(spec.let) ? spec.let : {}), [LOCAL]: { $ifNull: [`$${localField}`, null] } },
    pipeline: [join, ...pipeline],
  };
}

export function rewritePipeline(pipeline: Doc[]): Doc[] {
  return pipeline.map((stage) => {
    if (isDocument(stage.$lookup)) return { $lookup: rewriteLookup(stage.$lookup) };
    if (isDocument(stage.$facet)) {
      const facets: Doc = {};
      for (const [k, v] of Object.entries(stage.$facet)) facets[k] = Array.isArray(v) ? rewritePipeline(v as Doc[]) : v;
      return { $facet: facets };
    }
    return stage;
  });
}

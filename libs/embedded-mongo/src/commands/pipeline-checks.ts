/**
 * Stage specifications MongoDB rejects when it parses a pipeline, which mingo accepts or reports with
 * other codes: a `$project` mixing inclusion and exclusion (31254/31253) or with no field (51272).
 * Sub-pipelines of `$facet` and `$lookup` are checked too.
 */
import { isDocument } from '../bson/paths';
import { fail } from '../engine/errors';
import type { Doc } from '../engine/index-store';

const isExpression = (v: Doc): boolean => Object.keys(v).some((k) => k.startsWith('$'));

function checkProjection(spec: Doc, state: { kind?: 'include' | 'exclude' }, prefix = ''): void {
  for (const [k, v] of Object.entries(spec)) {
    const path = prefix + k;
    if (isDocument(v) && !isExpression(v)) {
      if (!Object.keys(v).length)
        fail(
          51270,
          `Invalid $project :: caused by :: An empty sub-projection is not a valid value. Found empty object at path`,
        );
      checkProjection(v, state, `${path}.`);
      continue;
    }
    const excludes = v === 0 || v === false;
    if (path === '_id' && (excludes || v === 1 || v === true)) continue; // _id may be excluded from an inclusion projection
    const kind = excludes ? 'exclude' : 'include';
    if (state.kind && state.kind !== kind) {
      if (kind === 'exclude')
        fail(31254, `Invalid $project :: caused by :: Cannot do exclusion on field ${path} in inclusion projection`);
      fail(31253, `Invalid $project :: caused by :: Cannot do inclusion on field ${path} in exclusion projection`);
    }
    state.kind = kind;
  }
}

export function checkPipeline(pipeline: unknown[]): void {
  for (const stage of pipeline) {
    if (!isDocument(stage)) continue;
    const [name] = Object.keys(stage);
    const spec = stage[name];
    if (name === '$project' && isDocument(spec)) {
      if (!Object.keys(spec).length)
        fail(51272, 'Invalid $project :: caused by :: projection specification must have at least one field');
      checkProjection(spec, {});
    } else if (name === '$facet' && isDocument(spec)) {
      for (const sub of Object.values(spec)) if (Array.isArray(sub)) checkPipeline(sub);
    } else if (name === '$lookup' && isDocument(spec) && Array.isArray(spec.pipeline)) {
      checkPipeline(spec.pipeline);
    }
  }
}

/**
 * The read path shared by find, count, distinct, update, delete, findAndModify and aggregate's leading
 * $match: plan (index or scan), filter, $text scoring, sort, skip, limit.
 */
import { compareSortKeys, sortKey } from '../bson/compare';
import { isDocument, sortValue } from '../bson/paths';
import { withCollation, type Collation } from './collation';
import type { Collection } from './collection';
import { fail } from './errors';
import type { Doc } from './index-store';
import { compileFilter } from './match';
import { lazy } from './mingo';
import { nearDistance, nearRounds, takeNear, type NearQuery } from './geo-query';
import type { Plan } from './planner';
import { parseTextQuery, textScore } from './text';

export interface ReadSpec {
  filter?: Doc;
  sort?: Doc;
  skip?: number;
  limit?: number;
  /** the command's collation, else the collection's default (null: binary) */
  collation?: Collation | null;
  /** the command's `let` variables, for `$expr` */
  variables?: Doc;
}

export interface ReadResult {
  docs: Doc[];
  plan: Plan;
  scores: Map<Doc, number> | null;
  docsExamined: number;
  /** $near/$nearSphere: each result's distance (results ordered by it unless sorted otherwise) */
  distances?: Map<Doc, number>;
}

export function readDocs(coll: Collection | undefined, spec: ReadSpec): ReadResult {
  return withCollation(spec.collation, () => read(coll, spec));
}

function read(coll: Collection | undefined, spec: ReadSpec): ReadResult {
  const filter = { ...(spec.filter ?? {}) };
  let sort = spec.sort && Object.keys(spec.sort).length ? spec.sort : undefined;
  let natural = 0;
  if (sort && '$natural' in sort) {
    natural = Number(sort.$natural) < 0 ? -1 : 1;
    sort = { ...sort };
    delete sort.$natural;
    if (!Object.keys(sort).length) sort = undefined;
  }
  const skip = Math.max(0, Number(spec.skip ?? 0));
  const limit = Math.abs(Number(spec.limit ?? 0));
  if (!coll)
    return { docs: [], plan: { stage: 'COLLSCAN', sorted: true, reverse: false }, scores: null, docsExamined: 0 };
  let scorer: ((d: Doc) => number) | null = null;
  if ('$text' in filter) {
    const textIx = [...coll.indexes.values()].find((i) => i.isText);
    if (!textIx) return fail(27, 'text index required for $text query');
    const q = parseTextQuery(filter.$text);
    delete filter.$text;
    scorer = (d) => textScore(d, textIx.spec, q);
  }
  const { near, rest } = takeNear(filter, coll);
  const match = compileFilter(rest, spec.variables);
  const distances = near ? new Map<Doc, number>() : undefined;
  const sortSpec = sort && !Object.values(sort).some(isDocument) ? sort : undefined;
  const plan: Plan = natural
    ? { stage: 'COLLSCAN', sorted: natural > 0 && !sort, reverse: false }
    : coll.plan(filter, sortSpec, spec.collation ?? null);
  if (sort && !sortSpec) plan.sorted = false;
  const stopAt = plan.sorted && limit > 0 && !near ? skip + limit : Infinity;
  const groupKey = sort && plan.sorted ? plan.groupKey : undefined;
  const scores = scorer ? new Map<Doc, number>() : null;
  let examined = 0;
  const scan = (p: Plan, q: NearQuery | null): Doc[] => {
    const found: Doc[] = [];
    // a collated index's order: past the limit, finish the run of equal keys the last result belongs to
    let lastGroup: string | null = null;
    for (const d of coll.candidates(p, filter)) {
      if (lastGroup !== null && (groupKey as (d: Doc) => string)(d) !== lastGroup) break;
      examined++;
      if (!match(d)) continue;
      if (q && distances) {
        const dist = nearDistance(q, d);
        if (dist === null) continue;
        distances.set(d, dist);
      }
      if (scorer) {
        const s = scorer(d);
        if (s <= 0) continue;
        scores?.set(d, s);
      }
      found.push(d);
      if (found.length >= stopAt && !groupKey) break;
      if (found.length >= stopAt && lastGroup === null) lastGroup = (groupKey as (d: Doc) => string)(d);
    }
    return found;
  };
  let out: Doc[] = [];
  // $near with a limit and no $maxDistance: growing circles until they hold enough documents
  for (const round of nearRounds(near, plan, sort || !limit ? 0 : skip + limit)) {
    out = scan(round.plan, round.near);
    if (round.last || out.length >= skip + limit) break;
  }
  if (natural < 0) out.reverse(); // reverse insertion order
  if (sort && !plan.sorted) out.sort(comparator(sort, scores));
  else if (sort && groupKey) sortRuns(out, groupKey, comparator(sort, scores));
  else if (distances) out.sort((a, b) => (distances.get(a) as number) - (distances.get(b) as number));
  const docs = limit > 0 ? out.slice(skip, skip + limit) : skip ? out.slice(skip) : out;
  return { docs, plan, scores, docsExamined: examined, distances };
}

/** Sorts each run of consecutive documents with equal keys in place (the runs themselves are in order). */
function sortRuns(docs: Doc[], keyOf: (d: Doc) => string, cmp: (a: Doc, b: Doc) => number): void {
  const keys = docs.map(keyOf);
  for (let start = 0; start < docs.length; ) {
    let end = start + 1;
    while (end < docs.length && keys[end] === keys[start]) end++;
    if (end - start > 1) docs.splice(start, end - start, ...docs.slice(start, end).sort(cmp));
    start = end;
  }
}

export function comparator(sort: Doc, scores: Map<Doc, number> | null): (a: Doc, b: Doc) => number {
  const keys = Object.entries(sort).map(([path, dir]) => {
    if (isDocument(dir)) {
      if (dir.$meta !== 'textScore') fail(2, `invalid sort specification for ${path}`);
      return { path, meta: true, dir: -1 as const };
    }
    const n = Number(dir);
    if (n !== 1 && n !== -1) fail(2, `$sort key ordering must be 1 (for ascending) or -1 (for descending)`);
    return { path, meta: false, dir: n as 1 | -1 };
  });
  return (a, b) => {
    for (const k of keys) {
      let c: number;
      if (k.meta) c = (scores?.get(b) ?? 0) - (scores?.get(a) ?? 0);
      else c = compareSortKeys(sortKey(sortValue(a, k.path), k.dir), sortKey(sortValue(b, k.path), k.dir)) * k.dir;
      if (c) return c;
    }
    return 0;
  };
}

/** The aggregation $sort uses the same MongoDB ordering as find (mingo's compares types differently). */
export const sortStage = {
  $sort: ((coll: { transform(f: (docs: Doc[]) => unknown): unknown }, spec: Doc) => {
    if (!isDocument(spec) || !Object.keys(spec).length) fail(15976, '$sort stage must have at least one sort key');
    const cmp = comparator(spec, null);
    return coll.transform((docs) => lazy([...docs].sort(cmp)));
  }) as never,
};

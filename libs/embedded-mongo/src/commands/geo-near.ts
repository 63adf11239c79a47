/**
 * The `$geoNear` aggregation stage (reference/operator/aggregation/geoNear): the documents nearest a point,
 * nearest first, through the geo index (`key` picks one when there are several), with `distanceField`
 * (× `distanceMultiplier`), `includeLocs`, `maxDistance`/`minDistance` (metres for a GeoJSON point, radians
 * for legacy coordinates with `spherical`, coordinate units on a 2d index) and a `query`.
 */
import { cloneDoc, isDocument, pathValues } from '../bson/paths';
import type { Collection } from '../engine/collection';
import { fail } from '../engine/errors';
import type { Doc } from '../engine/index-store';
import { readDocs } from '../engine/reader';

function setPath(doc: Doc, path: string, value: unknown): void {
  const parts = path.split('.');
  let cur = doc;
  for (const p of parts.slice(0, -1)) {
    if (!isDocument(cur[p])) cur[p] = {};
    cur = cur[p] as Doc;
  }
  cur[parts[parts.length - 1]] = value;
}

function chooseKey(coll: Collection | undefined, key: unknown): string {
  const geo = [...(coll?.indexes.values() ?? [])].flatMap((i) => (i.geo && !i.spec.hidden ? [i.geo] : []));
  if (key !== undefined) {
    if (typeof key !== 'string' || !key) return fail(2, "$geoNear parameter 'key' must be a non-empty string");
    if (!geo.some((g) => g.path === key))
      fail(27, `$geoNear requires a 2d or 2dsphere index, but none were found for key: ${key}`);
    return key;
  }
  if (!geo.length) return fail(27, '$geoNear requires a 2d or 2dsphere index, but none were found');
  for (const kind of ['2d', '2dsphere'] as const) {
    const of = geo.filter((g) => g.kind === kind);
    if (of.length > 1) fail(2, `There is more than one ${kind} index on ${coll?.ns}; unsure which to use for $geoNear`);
    if (of.length === 1) return of[0].path;
  }
  return fail(27, '$geoNear requires a 2d or 2dsphere index, but none were found');
}

/** The stage's output documents. */
export function geoNearDocs(coll: Collection | undefined, spec: Doc): Doc[] {
  if (typeof spec.distanceField !== 'string' || !spec.distanceField)
    fail(2, "$geoNear requires a 'distanceField' option as a String");
  if (spec.near === undefined) fail(2, "$geoNear requires a 'near' option as an Array");
  const path = chooseKey(coll, spec.key);
  const geoJson = isDocument(spec.near) && spec.near.type === 'Point';
  const op = geoJson || spec.spherical === true ? '$nearSphere' : '$near';
  const cond: Doc = { [op]: geoJson ? { $geometry: spec.near } : spec.near };
  if (spec.maxDistance !== undefined) cond.$maxDistance = spec.maxDistance;
  if (spec.minDistance !== undefined) cond.$minDistance = spec.minDistance;
  const query = isDocument(spec.query) ? spec.query : {};
  const filter = { ...query, [path]: cond };
  if (query[path] !== undefined) filter.$and = [{ [path]: query[path] }];
  const { docs, distances } = readDocs(coll, { filter });
  const multiplier = spec.distanceMultiplier === undefined ? 1 : Number(spec.distanceMultiplier);
  return docs.map((d) => {
    const out = cloneDoc(d);
    setPath(out, spec.distanceField as string, (distances?.get(d) ?? 0) * multiplier);
    if (typeof spec.includeLocs === 'string') setPath(out, spec.includeLocs, pathValues(d, path, false).values[0]);
    return out;
  });
}

/** `$near` in an aggregation `$match` (countDocuments included) is refused as by mongod. */
export function checkGeoNearPlacement(pipeline: Doc[]): void {
  pipeline.forEach((st, i) => {
    if ('$geoNear' in st && i > 0) fail(40602, '$geoNear is only valid as the first stage in a pipeline');
    if (isDocument(st.$match))
      for (const v of Object.values(st.$match))
        if (isDocument(v) && ('$near' in v || '$nearSphere' in v))
          fail(5626500, '$geoNear, $near, and $nearSphere are not allowed in this context');
  });
}

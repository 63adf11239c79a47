/** createIndexes / listIndexes / dropIndexes. */
import { normaliseCollation } from '../engine/collation';
import { compareValues } from '../bson/compare';
import { isDocument } from '../bson/paths';
import { fail } from '../engine/errors';
import type { Doc, IndexSpec } from '../engine/index-store';
import { normaliseTextIndex } from '../engine/text';
import { checkGeoIndex, geoIndexOptions } from './geo-index-spec';
import { targetCollection, type Handler } from './context';

const ALLOWED = new Set([
  'key',
  'name',
  'unique',
  'sparse',
  'partialFilterExpression',
  'expireAfterSeconds',
  'weights',
  'default_language',
  'language_override',
  'textIndexVersion',
  'background',
  'hidden',
  'collation',
  'v',
  'ns',
  'storageEngine',
  '2dsphereIndexVersion',
  'bits',
  'min',
  'max',
  'wildcardProjection',
]);

export function defaultIndexName(key: Doc): string {
  return Object.entries(key)
    .map(([k, v]) => `${k}_${String(v)}`)
    .join('_');
}

function toSpec(raw: unknown): IndexSpec {
  if (!isDocument(raw) || !isDocument(raw.key) || Object.keys(raw.key).length === 0)
    return fail(67, 'Index key pattern must be a non-empty object');
  for (const [k, v] of Object.entries(raw.key)) {
    const okValue =
      (typeof v === 'number' && v !== 0 && Number.isFinite(v)) ||
      v === 'text' ||
      v === 'hashed' ||
      v === '2dsphere' ||
      v === '2d';
    if (!okValue)
      fail(
        67,
        `Values in the index key pattern can only be positive or negative numbers or a string; found ${k}: ${JSON.stringify(v)}`,
      );
    if (v === 'hashed') fail(67, "Index type 'hashed' is not supported by the embedded server");
    if (k === '$**' || k.endsWith('.$**')) fail(67, "Index type 'wildcard' is not supported by the embedded server");
  }
  if (typeof raw.name !== 'string' || !raw.name)
    return fail(9, "Error in specification: the 'name' field is a required property of an index specification");
  for (const k of Object.keys(raw))
    if (!ALLOWED.has(k))
      fail(197, `The field '${k}' is not valid for an index specification. Specification: ${JSON.stringify(raw)}`);
  if (raw.expireAfterSeconds !== undefined) {
    const ttl = Number(raw.expireAfterSeconds);
    if (!Number.isFinite(ttl) || ttl < 0)
      fail(2, "TTL index 'expireAfterSeconds' option must be a non-negative number");
    if (Object.keys(raw.key).length !== 1)
      fail(67, 'TTL indexes are single-field indexes, compound indexes do not support TTL');
  }
  checkGeoIndex(raw.key);
  if (raw.partialFilterExpression !== undefined && !isDocument(raw.partialFilterExpression))
    fail(67, 'partialFilterExpression must be an object');
  const spec: IndexSpec = { v: 2, key: { ...raw.key }, name: raw.name };
  for (const k of ['unique', 'sparse', 'hidden']) if (raw[k] === true) spec[k] = true;
  for (const k of ['partialFilterExpression', 'weights', 'default_language', 'language_override'])
    if (raw[k] !== undefined) spec[k] = raw[k];
  // {locale: "simple"} is no collation (reference/collation); others are completed as mongod lists them
  if (raw.collation !== undefined) spec.collation = normaliseCollation(raw.collation) ?? { locale: 'simple' };
  if (raw.expireAfterSeconds !== undefined) spec.expireAfterSeconds = Number(raw.expireAfterSeconds);
  geoIndexOptions(raw, spec);
  return normaliseTextIndex(spec);
}

/** An index without a collation takes the collection's default one; an explicit simple one is binary. */
function withDefaultCollation(spec: IndexSpec, collectionDefault: unknown): IndexSpec {
  const { collation, ...rest } = spec;
  if (isDocument(collation) && collation.locale === 'simple') return rest as IndexSpec;
  if (collation !== undefined || collectionDefault === undefined || rest.name === '_id_' || '_fts' in rest.key)
    return spec;
  return { ...rest, collation: collectionDefault };
}

const createIndexes: Handler = (cmd, ctx) => {
  const name = targetCollection(cmd);
  if (!Array.isArray(cmd.indexes) || cmd.indexes.length === 0) fail(2, 'Must specify at least one index to create');
  const specs = (cmd.indexes as unknown[]).map(toSpec);
  const existed = !!ctx.engine.collection(ctx.db, name);
  const c = ctx.engine.ensureCollection(ctx.db, name);
  const before = c.indexes.size;
  if (c.options.capped === true && specs.some((s) => s.expireAfterSeconds !== undefined))
    fail(67, 'TTL indexes are not supported for capped collections.');
  if (
    specs.filter((s) => Object.values(s.key).includes('text')).length +
      [...c.indexes.values()].filter((i) => i.isText).length >
    1
  ) {
    const existing = [...c.indexes.values()].find((i) => i.isText);
    if (!existing || specs.some((s) => s.name !== existing.name && '_fts' in s.key))
      fail(
        85,
        'An equivalent index already exists with a different name and options: only one text index per collection',
      );
  }
  let created = 0;
  for (const s of specs) if (ctx.engine.createIndex(c, withDefaultCollation(s, c.options.collation))) created++;
  const reply: Doc = {
    numIndexesBefore: before,
    numIndexesAfter: c.indexes.size,
    createdCollectionAutomatically: !existed,
    ok: 1,
  };
  if (!created) reply.note = 'all indexes already exist';
  return reply;
};

const listIndexes: Handler = (cmd, ctx) => {
  const name = targetCollection(cmd);
  const c = ctx.engine.collection(ctx.db, name);
  if (!c) return fail(26, `ns does not exist: ${ctx.db}.${name}`);
  const batchSize =
    isDocument(cmd.cursor) && cmd.cursor.batchSize !== undefined ? Number(cmd.cursor.batchSize) : undefined;
  return ctx.cursors.open(
    c.ns,
    c.indexSpecs().map((s) => ({ ...s })),
    (d) => d,
    batchSize,
  );
};

const dropIndexes: Handler = (cmd, ctx) => {
  const name = targetCollection(cmd);
  const c = ctx.engine.collection(ctx.db, name);
  if (!c) return fail(26, `ns not found ${ctx.db}.${name}`);
  const nIndexesWas = c.indexes.size;
  const target = cmd.index;
  if (target === '*') {
    for (const n of [...c.indexes.keys()]) if (n !== '_id_') ctx.engine.dropIndex(c, n);
  } else if (typeof target === 'string') {
    if (!c.indexes.has(target)) fail(27, `index not found with name [${target}]`);
    ctx.engine.dropIndex(c, target);
  } else if (Array.isArray(target)) {
    for (const n of target) if (!c.indexes.has(String(n))) fail(27, `index not found with name [${String(n)}]`);
    for (const n of target) ctx.engine.dropIndex(c, String(n));
  } else if (isDocument(target)) {
    const ix = [...c.indexes.values()].find(
      (i) =>
        compareValues(i.spec.key, target) === 0 ||
        (i.isText && Object.values(target).includes('text') && i.name === defaultIndexName(target)),
    );
    if (!ix) return fail(27, `can't find index with key: ${JSON.stringify(target)}`);
    ctx.engine.dropIndex(c, ix.name);
  } else fail(14, 'index argument must be a string, an array of strings or a key pattern');
  return { nIndexesWas, ok: 1 };
};

export const indexHandlers: Record<string, Handler> = {
  createIndexes,
  listIndexes,
  dropIndexes,
  deleteIndexes: dropIndexes,
};

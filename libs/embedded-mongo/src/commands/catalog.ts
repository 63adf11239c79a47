/** Collection and database catalog commands. */
import { compareValues } from '../bson/compare';
import { isDocument } from '../bson/paths';
import { ID_INDEX } from '../engine/collection';
import { fail } from '../engine/errors';
import type { Doc } from '../engine/index-store';
import { compileFilter } from '../engine/match';
import { targetCollection, type Handler } from './context';

const CREATE_OPTIONS = [
  'capped',
  'size',
  'max',
  'validator',
  'validationLevel',
  'validationAction',
  'collation',
  'timeseries',
  'expireAfterSeconds',
  'clusteredIndex',
  'changeStreamPreAndPostImages',
  'storageEngine',
  'indexOptionDefaults',
  'viewOn',
  'pipeline',
];

const listCollections: Handler = (cmd, ctx) => {
  const match = compileFilter(isDocument(cmd.filter) ? cmd.filter : {});
  const items = ctx.engine
    .collectionNames(ctx.db)
    .map((name) => ({
      name,
      type: 'collection',
      options: ctx.engine.collection(ctx.db, name)?.options ?? {},
      info: { readOnly: false },
      idIndex: { ...ID_INDEX },
    }))
    .filter((c) => match(c))
    .map((c) => (cmd.nameOnly ? { name: c.name, type: c.type } : c));
  const batchSize =
    isDocument(cmd.cursor) && cmd.cursor.batchSize !== undefined ? Number(cmd.cursor.batchSize) : undefined;
  return ctx.cursors.open(`${ctx.db}.$cmd.listCollections`, items, (d) => d, batchSize);
};

const create: Handler = (cmd, ctx) => {
  const name = targetCollection(cmd);
  if (cmd.viewOn !== undefined) fail(115, 'views are not supported by the embedded server');
  const options: Doc = {};
  for (const k of CREATE_OPTIONS) if (cmd[k] !== undefined) options[k] = cmd[k];
  if (isDocument(cmd.validator)) compileFilter(cmd.validator); // an invalid validator fails the create
  ctx.engine.createCollection(ctx.db, name, options);
  return { ok: 1 };
};

const drop: Handler = (cmd, ctx) => {
  const name = targetCollection(cmd);
  const c = ctx.engine.collection(ctx.db, name);
  const nIndexesWas = c?.indexes.size ?? 0;
  ctx.engine.dropCollection(ctx.db, name);
  return c ? { ns: `${ctx.db}.${name}`, nIndexesWas, ok: 1 } : { ok: 1 };
};

const dropDatabase: Handler = (_cmd, ctx) => {
  ctx.engine.dropDatabase(ctx.db);
  return { dropped: ctx.db, ok: 1 };
};

const collMod: Handler = (cmd, ctx) => {
  const name = targetCollection(cmd);
  const c = ctx.engine.collection(ctx.db, name);
  if (!c) return fail(26, `ns does not exist: ${ctx.db}.${name}`);
  const reply: Doc = { ok: 1 };
  if (isDocument(cmd.index)) {
    const spec = cmd.index;
    const ix = [...c.indexes.values()].find((i) =>
      spec.name !== undefined ? i.name === spec.name : compareValues(i.spec.key, spec.keyPattern) === 0,
    );
    if (!ix) return fail(27, `cannot find index ${JSON.stringify(spec.name ?? spec.keyPattern)} for ns ${c.ns}`);
    const next = { ...ix.spec };
    if (spec.expireAfterSeconds !== undefined) {
      if (ix.spec.expireAfterSeconds === undefined) fail(72, 'no expireAfterSeconds field to update');
      reply.expireAfterSeconds_old = ix.spec.expireAfterSeconds;
      reply.expireAfterSeconds_new = Number(spec.expireAfterSeconds);
      next.expireAfterSeconds = Number(spec.expireAfterSeconds);
    }
    if (spec.hidden !== undefined) {
      reply.hidden_old = !!ix.spec.hidden;
      reply.hidden_new = !!spec.hidden;
      if (spec.hidden) next.hidden = true;
      else delete next.hidden;
    }
    ctx.engine.setIndexSpec(c, next);
  }
  const options = { ...c.options };
  if (isDocument(cmd.validator)) compileFilter(cmd.validator);
  for (const k of ['validator', 'validationLevel', 'validationAction']) if (cmd[k] !== undefined) options[k] = cmd[k];
  c.options = options;
  ctx.engine.catalogChanged();
  return reply;
};

function splitNamespace(ns: unknown, what: string): [string, string] {
  const i = typeof ns === 'string' ? ns.indexOf('.') : -1;
  if (i <= 0 || i === (ns as string).length - 1) return fail(73, `Invalid ${what} namespace: ${String(ns)}`);
  return [(ns as string).slice(0, i), (ns as string).slice(i + 1)];
}

const renameCollection: Handler = (cmd, ctx) => {
  if (ctx.db !== 'admin') fail(13, 'renameCollection may only be run against the admin database.');
  const [fromDb, fromName] = splitNamespace(cmd.renameCollection, 'source');
  const [toDb, toName] = splitNamespace(cmd.to, 'target');
  const source = ctx.engine.collection(fromDb, fromName);
  if (!source) return fail(26, `Source collection ${fromDb}.${fromName} does not exist`);
  if (fromDb === toDb && fromName === toName) return fail(20, "Can't rename a collection to itself");
  if (ctx.engine.collection(toDb, toName)) {
    if (cmd.dropTarget !== true) fail(48, 'target namespace exists');
    ctx.engine.dropCollection(toDb, toName);
  }
  ctx.engine.renameCollection(source, toDb, toName);
  return { ok: 1 };
};

/** `validate`: the full index-vs-collection check of one collection (mongod's reply shape, abridged). */
const validate: Handler = (cmd, ctx) => {
  const name = String(cmd.validate);
  const c = ctx.engine.collection(ctx.db, name);
  if (!c) return fail(26, `Collection '${ctx.db}.${name}' does not exist to validate.`);
  const r = c.validate();
  return {
    ns: c.ns,
    nrecords: r.nrecords,
    nIndexes: c.indexes.size,
    keysPerIndex: r.keysPerIndex,
    valid: r.errors.length === 0,
    errors: r.errors,
    warnings: [],
    ok: 1,
  };
};

export const catalogHandlers: Record<string, Handler> = {
  validate,
  listCollections,
  create,
  drop,
  dropDatabase,
  collMod,
  renameCollection,
};

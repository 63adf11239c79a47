/** Handshake, diagnostics and session commands. */
import { fail } from '../engine/errors';
import type { Doc } from '../engine/index-store';
import { MAX_BSON_SIZE, MAX_MESSAGE_SIZE } from '../wire/protocol';
import type { CommandContext, Handler } from './context';

export const SERVER_VERSION = '7.0.0';

export function helloReply(ctx: CommandContext): Doc {
  return {
    ismaster: true,
    isWritablePrimary: true,
    helloOk: true,
    maxBsonObjectSize: MAX_BSON_SIZE,
    maxMessageSizeBytes: MAX_MESSAGE_SIZE,
    maxWriteBatchSize: 100000,
    localTime: new Date(),
    logicalSessionTimeoutMinutes: 30,
    connectionId: ctx.connectionId,
    minWireVersion: 0,
    maxWireVersion: ctx.server.maxWireVersion,
    readOnly: false,
    ok: 1,
  };
}

const hello: Handler = (_cmd, ctx) => helloReply(ctx);

const buildInfo: Handler = () => ({
  version: SERVER_VERSION,
  gitVersion: 'embedded',
  versionArray: [7, 0, 0, 0],
  bits: 64,
  debug: false,
  maxBsonObjectSize: MAX_BSON_SIZE,
  storageEngines: ['lmdb'],
  javascriptEngine: 'none',
  modules: [],
  openssl: { running: 'disabled' },
  ok: 1,
});

const serverStatus: Handler = (_cmd, ctx) => ({
  host: `${ctx.server.host}:${ctx.server.port}`,
  version: SERVER_VERSION,
  process: 'embedded-mongo',
  pid: process.pid,
  uptime: Math.floor((Date.now() - ctx.server.startedAt) / 1000),
  uptimeMillis: Date.now() - ctx.server.startedAt,
  localTime: new Date(),
  connections: { current: 0, available: 1000 },
  mem: { resident: Math.round(process.memoryUsage().rss / 1048576) },
  metrics: { cursor: { open: { total: ctx.cursors.openCount } } },
  ok: 1,
});

const PARAMETERS: Doc = {
  featureCompatibilityVersion: { version: '7.0' },
  ttlMonitorSleepSecs: 60,
  authenticationMechanisms: [],
  internalQueryMaxBlockingSortMemoryUsageBytes: 104857600,
};

const getParameter: Handler = (cmd) => {
  const out: Doc = {};
  if (cmd.getParameter === '*' || (typeof cmd.getParameter === 'object' && cmd.getParameter !== null))
    Object.assign(out, PARAMETERS);
  else for (const k of Object.keys(cmd)) if (k in PARAMETERS) out[k] = PARAMETERS[k];
  if (!Object.keys(out).length) fail(72, 'no option found to get');
  return { ...out, ok: 1 };
};

const listDatabases: Handler = (cmd, ctx) => {
  const databases = [...ctx.engine.dbs.keys()].map((name) => ({ name, sizeOnDisk: 0, empty: false }));
  if (cmd.nameOnly) return { databases: databases.map((d) => ({ name: d.name })), ok: 1 };
  return { databases, totalSize: 0, totalSizeMb: 0, ok: 1 };
};

const dbStats: Handler = (_cmd, ctx) => {
  const names = ctx.engine.collectionNames(ctx.db);
  let objects = 0;
  let indexes = 0;
  for (const n of names) {
    const c = ctx.engine.collection(ctx.db, n);
    if (!c) continue;
    objects += c.count();
    indexes += c.indexes.size;
  }
  return {
    db: ctx.db,
    collections: names.length,
    views: 0,
    objects,
    indexes,
    dataSize: 0,
    storageSize: 0,
    indexSize: 0,
    ok: 1,
  };
};

const collStats: Handler = (cmd, ctx) => {
  const name = String(cmd.collStats);
  const c = ctx.engine.collection(ctx.db, name);
  if (!c) return fail(26, `Collection [${ctx.db}.${name}] not found.`);
  return {
    ns: c.ns,
    count: c.count(),
    size: 0,
    avgObjSize: 0,
    storageSize: 0,
    nindexes: c.indexes.size,
    totalIndexSize: 0,
    indexSizes: {},
    capped: false,
    ok: 1,
  };
};

const ok: Handler = () => ({ ok: 1 });

export const adminHandlers: Record<string, Handler> = {
  hello,
  isMaster: hello,
  ismaster: hello,
  ping: ok,
  buildInfo,
  buildinfo: buildInfo,
  serverStatus,
  getParameter,
  listDatabases,
  dbStats,
  collStats,
  endSessions: ok,
  killAllSessions: ok,
  killSessions: ok,
  refreshSessions: ok,
  startSession: () => fail(115, 'startSession is not supported by the embedded server'),
  whatsmyuri: () => ({ you: '127.0.0.1:0', ok: 1 }),
  getCmdLineOpts: () => ({ argv: ['embedded-mongo'], parsed: {}, ok: 1 }),
  hostInfo: () => ({ system: { hostname: 'localhost' }, os: { type: process.platform }, extra: {}, ok: 1 }),
  connectionStatus: () => ({ authInfo: { authenticatedUsers: [], authenticatedUserRoles: [] }, ok: 1 }),
  getLog: () => ({ totalLinesWritten: 0, log: [], ok: 1 }),
  getFreeMonitoringStatus: () => ({ state: 'disabled', ok: 1 }),
  atlasVersion: () => fail(59, "no such command: 'atlasVersion'"),
  // a standalone mongod answers replica-set commands with 76 NoReplicationEnabled
  replSetGetStatus: () => fail(76, 'not running with --replSet'),
  replSetGetConfig: () => fail(76, 'not running with --replSet'),
  currentOp: () => ({ inprog: [], ok: 1 }),
};

/**
 * EmbeddedMongoServer: TCP listener speaking the MongoDB wire protocol. Each connection handles its
 * requests in order; each command runs synchronously against the engine: a read in an LMDB read
 * transaction, a write in one LMDB write transaction whose commit is on disk before the reply is sent.
 * Malformed input closes only the offending connection.
 */
import * as net from 'node:net';
import { CursorManager } from './commands/cursors';
import type { CommandContext, ServerInfo } from './commands/context';
import { RuntimeParameters } from './commands/parameters';
import { dispatch, isWriteCommand } from './commands/router';
import { LocalSessions } from './commands/sessions';
import { Engine } from './engine/engine';
import type { Doc } from './engine/index-store';
import { LmdbStorage } from './storage/lmdb-store';
import { migrateIfNeeded } from './storage/migrate';
import { MessageFramer } from './wire/framer';
import { buildOpMsg, buildOpReply, parseMessage, WireError } from './wire/protocol';

export interface EmbeddedMongoLogger {
  log(msg: string): void;
  error(msg: string): void;
}

export interface EmbeddedMongoOptions {
  /** 0 (default) picks a free port */
  port?: number;
  /** default 127.0.0.1 */
  host?: string;
  /** data directory; without it (or with inMemory) nothing is written to disk */
  dbPath?: string;
  /** default false when dbPath is given, true otherwise */
  inMemory?: boolean;
  /** advertised wire version, default 21 (MongoDB 7.0) */
  maxWireVersion?: number;
  /** TTL sweeper period, default 60000 ms */
  ttlMonitorIntervalMs?: number;
  /** idle cursors are closed after this long, default 10 minutes */
  cursorTimeoutMs?: number;
  logger?: EmbeddedMongoLogger;
}

const SILENT: EmbeddedMongoLogger = { log: () => undefined, error: () => undefined };

export class EmbeddedMongoServer {
  readonly uri: string;
  readonly port: number;
  private readonly sockets = new Set<net.Socket>();
  private nextConnectionId = 1;
  private ttlTimer: NodeJS.Timeout | undefined;
  private stopped: Promise<void> | null = null;

  private constructor(
    private readonly server: net.Server,
    readonly engine: Engine,
    private readonly cursors: CursorManager,
    private readonly info: ServerInfo,
    private readonly logger: EmbeddedMongoLogger,
    ttlIntervalMs: number,
  ) {
    this.port = info.port;
    this.uri = `mongodb://${info.host.includes(':') ? `[${info.host}]` : info.host}:${info.port}`;
    info.parameters = new RuntimeParameters(Math.max(1, Math.round(ttlIntervalMs / 1000)), (ms) =>
      this.scheduleTtl(ms),
    );
    this.scheduleTtl(ttlIntervalMs);
    server.on('connection', (s) => this.accept(s));
    server.on('error', (e) => logger.error(`embedded-mongo: listener error: ${e.message}`));
  }

  /** (Re)starts the TTL sweeper (setParameter ttlMonitorSleepSecs changes its interval). */
  private scheduleTtl(ms: number): void {
    if (this.ttlTimer) clearInterval(this.ttlTimer);
    if (this.stopped) return;
    this.ttlTimer = setInterval(
      () =>
        void this.sweepTtl().catch((e: Error) => this.logger.error(`embedded-mongo: TTL sweep failed: ${e.message}`)),
      ms,
    );
    this.ttlTimer.unref();
  }

  static async start(options: EmbeddedMongoOptions = {}): Promise<EmbeddedMongoServer> {
    const logger = options.logger ?? SILENT;
    const host = options.host ?? '127.0.0.1';
    const inMemory = options.inMemory ?? !options.dbPath;
    const store = LmdbStorage.open({ dbPath: inMemory ? undefined : options.dbPath, log: (m) => logger.log(m) });
    let engine: Engine;
    try {
      engine = new Engine(store);
      const rebuilt = await engine.upgradeIndexes();
      if (rebuilt.length)
        logger.log(`embedded-mongo: rebuilt collated indexes in the current key format: ${rebuilt.join(', ')}`);
      if (!inMemory && options.dbPath) await migrateIfNeeded(options.dbPath, engine, (m) => logger.log(m));
    } catch (e) {
      await store.close();
      throw e;
    }
    const server = net.createServer({ noDelay: true });
    try {
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(options.port ?? 0, host, () => {
          server.off('error', reject);
          resolve();
        });
      });
    } catch (e) {
      await store.close();
      throw e;
    }
    const port = (server.address() as net.AddressInfo).port;
    const info: ServerInfo = {
      maxWireVersion: options.maxWireVersion ?? 21,
      startedAt: Date.now(),
      host,
      port,
      inMemory,
      dbPath: options.dbPath,
      sessions: new LocalSessions(),
    };
    const cursors = new CursorManager(options.cursorTimeoutMs);
    const s = new EmbeddedMongoServer(server, engine, cursors, info, logger, options.ttlMonitorIntervalMs ?? 60_000);
    logger.log(`embedded-mongo listening on ${s.uri} (${inMemory ? 'in memory' : `dbPath ${options.dbPath}`})`);
    return s;
  }

  stop(): Promise<void> {
    if (!this.stopped) {
      this.stopped = (async () => {
        clearInterval(this.ttlTimer);
        const closed = new Promise<void>((r) => this.server.close(() => r()));
        for (const s of this.sockets) s.destroy();
        await closed;
        this.cursors.close();
        await this.engine.store.close();
      })();
    }
    return this.stopped;
  }

  private accept(socket: net.Socket): void {
    const connectionId = this.nextConnectionId++;
    this.sockets.add(socket);
    const framer = new MessageFramer();
    let chain = Promise.resolve();
    socket.on('data', (chunk) => {
      let messages: Buffer[];
      try {
        messages = framer.push(chunk);
      } catch (e) {
        this.logger.error(`embedded-mongo: connection ${connectionId} closed: ${(e as Error).message}`);
        socket.destroy();
        return;
      }
      for (const m of messages) {
        chain = chain
          .then(() => this.handle(socket, m, connectionId))
          .catch((e: Error) => {
            this.logger.error(`embedded-mongo: connection ${connectionId} failed: ${e.message}`);
            socket.destroy();
          });
      }
    });
    socket.on('error', () => socket.destroy());
    socket.on('close', () => this.sockets.delete(socket));
  }

  private async handle(socket: net.Socket, msg: Buffer, connectionId: number): Promise<void> {
    if (socket.destroyed) return;
    let parsed;
    try {
      parsed = parseMessage(msg);
    } catch (e) {
      this.logger.error(
        `embedded-mongo: connection ${connectionId} closed: ${e instanceof WireError ? e.message : String(e)}`,
      );
      socket.destroy();
      return;
    }
    const cmd = parsed.command;
    const db = typeof cmd.$db === 'string' ? cmd.$db : (parsed.fullCollectionName?.split('.')[0] ?? 'admin');
    const ctx: CommandContext = { engine: this.engine, cursors: this.cursors, db, connectionId, server: this.info };
    this.info.sessions?.touch(cmd.lsid);
    const run = (): Doc => {
      try {
        return dispatch(cmd, ctx);
      } catch (e) {
        return { ok: 0, errmsg: String((e as Error).message ?? e), code: 1, codeName: 'InternalError' };
      }
    };
    let reply: Doc;
    if (isWriteCommand(cmd)) {
      try {
        reply = await this.engine.write(run);
      } catch (e) {
        this.logger.error(`embedded-mongo: ${(e as Error).message}`);
        reply = { ok: 0, errmsg: `write not durable: ${(e as Error).message}`, code: 1, codeName: 'InternalError' };
      }
    } else reply = run();
    if (parsed.moreToCome || socket.destroyed) return;
    const requestId = (this.nextConnectionId * 7919 + parsed.header.requestId) | 0;
    let out: Buffer;
    try {
      out =
        parsed.kind === 'query'
          ? buildOpReply(requestId, parsed.header.requestId, reply)
          : buildOpMsg(requestId, parsed.header.requestId, reply);
    } catch (e) {
      const err = {
        ok: 0,
        errmsg: `reply could not be serialized: ${(e as Error).message}`,
        code: 10334,
        codeName: 'BSONObjectTooLarge',
      };
      out =
        parsed.kind === 'query'
          ? buildOpReply(requestId, parsed.header.requestId, err)
          : buildOpMsg(requestId, parsed.header.requestId, err);
    }
    socket.write(out);
  }

  /** Deletes expired documents of every TTL index (one transaction per sweep). */
  async sweepTtl(now = Date.now()): Promise<number> {
    return this.engine
      .write(() => {
        let removed = 0;
        for (const colls of this.engine.dbs.values()) {
          for (const c of colls.values()) {
            for (const doc of c.expired(now)) {
              this.engine.remove(c, doc);
              removed++;
            }
          }
        }
        return removed;
      })
      .catch((e: Error) => {
        this.logger.error(`embedded-mongo: TTL sweep failed: ${e.message}`);
        return 0;
      });
  }
}

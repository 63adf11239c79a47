import { deserialize, serialize } from 'bson';
import * as net from 'node:net';
import { EmbeddedMongoServer } from '../server';
import { MessageFramer } from './framer';
import {
  buildOpMsg,
  FLAG_CHECKSUM,
  FLAG_MORE_TO_COME,
  MAX_MESSAGE_SIZE,
  OP_MSG,
  OP_QUERY,
  OP_REPLY,
  parseMessage,
  WireError,
} from './protocol';

function header(length: number, requestId: number, opCode: number): Buffer {
  const h = Buffer.alloc(16);
  h.writeInt32LE(length, 0);
  h.writeInt32LE(requestId, 4);
  h.writeInt32LE(0, 8);
  h.writeInt32LE(opCode, 12);
  return h;
}

function opMsg(
  requestId: number,
  body: object,
  opts: { flags?: number; seq?: [string, object[]]; checksum?: boolean } = {},
): Buffer {
  const parts: Buffer[] = [];
  const flags = Buffer.alloc(4);
  flags.writeUInt32LE((opts.flags ?? 0) | (opts.checksum ? FLAG_CHECKSUM : 0));
  parts.push(flags, Buffer.from([0]), Buffer.from(serialize(body)));
  if (opts.seq) {
    const docs = Buffer.concat(opts.seq[1].map((d) => Buffer.from(serialize(d))));
    const id = Buffer.from(opts.seq[0] + '\0');
    const size = Buffer.alloc(4);
    size.writeInt32LE(4 + id.length + docs.length);
    parts.push(Buffer.from([1]), size, id, docs);
  }
  if (opts.checksum) parts.push(Buffer.alloc(4));
  const payload = Buffer.concat(parts);
  return Buffer.concat([header(16 + payload.length, requestId, OP_MSG), payload]);
}

function opQuery(requestId: number, coll: string, query: object): Buffer {
  const flags = Buffer.alloc(4);
  const name = Buffer.from(coll + '\0');
  const skipRet = Buffer.alloc(8);
  skipRet.writeInt32LE(-1, 4);
  const payload = Buffer.concat([flags, name, skipRet, Buffer.from(serialize(query))]);
  return Buffer.concat([header(16 + payload.length, requestId, OP_QUERY), payload]);
}

/**
 * Sends raw bytes; resolves once `expected` replies arrived (then waits briefly for stray extra replies),
 * or the server closed the socket, or after `waitMs`.
 */
function exchange(
  port: number,
  data: Buffer[],
  expected = 0,
  waitMs = 3000,
): Promise<{ replies: Buffer[]; closed: boolean }> {
  return new Promise((resolve) => {
    const sock = net.connect(port, '127.0.0.1');
    const framer = new MessageFramer();
    const replies: Buffer[] = [];
    let closed = false;
    let done = false;
    const finish = (): void => {
      if (done) return;
      done = true;
      sock.destroy();
      resolve({ replies, closed });
    };
    sock.on('data', (c) => {
      replies.push(...framer.push(c));
      if (expected > 0 && replies.length >= expected) setTimeout(finish, 50);
    });
    sock.on('close', () => {
      closed = true;
      finish();
    });
    sock.on('error', () => undefined);
    sock.on('connect', () => data.forEach((d) => sock.write(d)));
    setTimeout(finish, waitMs);
  });
}

function replyBody(reply: Buffer): Record<string, unknown> {
  const opCode = reply.readInt32LE(12);
  if (opCode === OP_REPLY) return deserialize(reply.subarray(36));
  expect(reply[20]).toBe(0); // kind 0 only
  return deserialize(reply.subarray(21));
}

describe('wire protocol parsing', () => {
  it('parses OP_MSG kind 0 and merges kind-1 document sequences into the command', () => {
    const p = parseMessage(opMsg(1, { insert: 'c', $db: 'd' }, { seq: ['documents', [{ a: 1 }, { a: 2 }]] }));
    expect(p.command).toEqual({ insert: 'c', $db: 'd', documents: [{ a: 1 }, { a: 2 }] });
    expect(p.moreToCome).toBe(false);
  });

  it('accepts the checksum flag and reports moreToCome', () => {
    const p = parseMessage(opMsg(2, { ping: 1, $db: 'admin' }, { checksum: true, flags: FLAG_MORE_TO_COME }));
    expect(p.command.ping).toBe(1);
    expect(p.moreToCome).toBe(true);
  });

  it('rejects unknown required flag bits but ignores optional ones', () => {
    expect(() => parseMessage(opMsg(3, { ping: 1 }, { flags: 1 << 5 }))).toThrow(WireError);
    expect(parseMessage(opMsg(3, { ping: 1 }, { flags: 1 << 16 })).command.ping).toBe(1);
  });

  it('rejects truncated BSON, unknown section kinds and bad document sizes', () => {
    const good = opMsg(4, { ping: 1 });
    const bad = Buffer.from(good);
    bad.writeInt32LE(9999, 21);
    expect(() => parseMessage(bad)).toThrow(WireError);
    const kind = Buffer.from(good);
    kind[20] = 7;
    expect(() => parseMessage(kind)).toThrow(WireError);
  });

  it('rejects a document larger than 16 MiB (maxBsonObjectSize)', () => {
    const big = { a: 'x'.repeat(16 * 1024 * 1024 + 10) };
    expect(() => parseMessage(opMsg(5, { insert: 'c', $db: 'd' }, { seq: ['documents', [big]] }))).toThrow(/too large/);
  });

  it('framer rejects lengths below the header and above maxMessageSizeBytes', () => {
    expect(() => new MessageFramer().push(header(8, 1, OP_MSG))).toThrow(WireError);
    expect(() => new MessageFramer().push(header(MAX_MESSAGE_SIZE + 1, 1, OP_MSG))).toThrow(WireError);
  });

  it('framer reassembles messages split across chunks', () => {
    const m = buildOpMsg(1, 0, { ok: 1 });
    const f = new MessageFramer();
    expect(f.push(m.subarray(0, 3))).toEqual([]);
    expect(f.push(m.subarray(3, 10))).toEqual([]);
    const out = f.push(Buffer.concat([m.subarray(10), m]));
    expect(out).toHaveLength(2);
  });
});

describe('wire protocol over TCP', () => {
  let server: EmbeddedMongoServer;
  beforeAll(async () => {
    server = await EmbeddedMongoServer.start({ inMemory: true });
  });
  afterAll(() => server.stop());

  it('answers the OP_QUERY ismaster handshake with an OP_REPLY standalone hello', async () => {
    const { replies } = await exchange(
      server.port,
      [opQuery(7, 'admin.$cmd', { ismaster: 1, helloOk: true, client: {}, compression: ['none'] })],
      1,
    );
    expect(replies).toHaveLength(1);
    expect(replies[0].readInt32LE(12)).toBe(OP_REPLY);
    expect(replies[0].readInt32LE(8)).toBe(7);
    expect(replies[0].readInt32LE(32)).toBe(1);
    const hello = replyBody(replies[0]);
    expect(hello).toMatchObject({
      ismaster: true,
      isWritablePrimary: true,
      helloOk: true,
      maxBsonObjectSize: 16777216,
      maxMessageSizeBytes: 48000000,
      maxWriteBatchSize: 100000,
      logicalSessionTimeoutMinutes: 30,
      minWireVersion: 0,
      maxWireVersion: 21,
      readOnly: false,
      ok: 1,
    });
    expect(hello).not.toHaveProperty('topologyVersion');
    expect(hello).not.toHaveProperty('compression');
    expect(hello).not.toHaveProperty('setName');
    expect(hello.localTime).toBeInstanceOf(Date);
  });

  it('answers hello over OP_MSG with a kind-0 reply and no reply for moreToCome', async () => {
    const { replies } = await exchange(
      server.port,
      [
        opMsg(11, { endSessions: [], $db: 'admin' }, { flags: FLAG_MORE_TO_COME }),
        opMsg(12, { hello: 1, $db: 'admin' }),
      ],
      1,
    );
    expect(replies).toHaveLength(1);
    expect(replies[0].readInt32LE(8)).toBe(12);
    expect(replyBody(replies[0]).isWritablePrimary).toBe(true);
  });

  it('encodes cursor ids as BSON int64', async () => {
    const insert = opMsg(
      30,
      { insert: 'raw', $db: 'w' },
      { seq: ['documents', Array.from({ length: 5 }, (_, i) => ({ i }))] },
    );
    const find = opMsg(31, { find: 'raw', batchSize: 2, $db: 'w' });
    const { replies } = await exchange(server.port, [insert, find], 2);
    expect(replyBody(replies[0])).toEqual({ n: 5, ok: 1 });
    const raw = deserialize(replies[1].subarray(21), { promoteLongs: false }) as {
      cursor: { id: unknown; firstBatch: unknown[] };
    };
    expect((raw.cursor.id as { _bsontype?: string })._bsontype).toBe('Long');
    expect(raw.cursor.firstBatch).toHaveLength(2);
  });

  it('returns CommandNotFound (59) for unknown commands', async () => {
    const { replies } = await exchange(server.port, [opMsg(13, { frobnicate: 1, $db: 'admin' })], 1);
    expect(replyBody(replies[0])).toMatchObject({ ok: 0, code: 59, codeName: 'CommandNotFound' });
  });

  it.each([
    ['garbage bytes', Buffer.from('GET / HTTP/1.1\r\n\r\n')],
    ['oversized length', header(MAX_MESSAGE_SIZE + 100, 1, OP_MSG)],
    ['unknown opcode', Buffer.concat([header(20, 1, 9999), Buffer.alloc(4)])],
    [
      'invalid BSON',
      Buffer.concat([
        header(30, 1, OP_MSG),
        Buffer.alloc(4),
        Buffer.from([0]),
        Buffer.from([9, 0, 0, 0, 0x10, 0x61, 0, 1, 2]),
      ]),
    ],
    ['unknown required flag', opMsg(1, { ping: 1, $db: 'admin' }, { flags: 1 << 3 })],
  ])('closes the connection on %s and keeps serving others', async (_name, bytes) => {
    const bad = await exchange(server.port, [bytes]);
    expect(bad.closed).toBe(true);
    expect(bad.replies).toHaveLength(0);
    const good = await exchange(server.port, [opMsg(21, { ping: 1, $db: 'admin' })], 1);
    expect(replyBody(good.replies[0])).toEqual({ ok: 1 });
  });
});

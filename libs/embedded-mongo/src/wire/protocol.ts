/**
 * MongoDB wire protocol messages: OP_QUERY / OP_REPLY (handshake) and OP_MSG (everything else).
 * Parsing throws WireError on malformed input; the connection then closes (the server stays up).
 */
import { calculateObjectSize, deserialize, serialize } from 'bson';
import { DECODE_OPTIONS, normaliseDecoded, plainCommandOptions } from '../bson/values';

export const OP_REPLY = 1;
export const OP_QUERY = 2004;
export const OP_COMPRESSED = 2012;
export const OP_MSG = 2013;

export const HEADER_SIZE = 16;
export const MAX_MESSAGE_SIZE = 48_000_000;
export const MAX_BSON_SIZE = 16 * 1024 * 1024;
/** a kind-0 command may exceed a document's size by this much (mongod's 16 KiB allowance) */
const COMMAND_OVERHEAD = 16 * 1024;

export const FLAG_CHECKSUM = 1 << 0;
export const FLAG_MORE_TO_COME = 1 << 1;
export const FLAG_EXHAUST_ALLOWED = 1 << 16;
const KNOWN_REQUIRED_FLAGS = FLAG_CHECKSUM | FLAG_MORE_TO_COME;

export class WireError extends Error {}

export interface MessageHeader {
  length: number;
  requestId: number;
  responseTo: number;
  opCode: number;
}

export type Doc = Record<string, unknown>;

export interface ParsedCommand {
  header: MessageHeader;
  kind: 'msg' | 'query';
  command: Doc;
  /** OP_QUERY collection name, e.g. admin.$cmd */
  fullCollectionName?: string;
  moreToCome: boolean;
}

export function readHeader(buf: Buffer): MessageHeader {
  return {
    length: buf.readInt32LE(0),
    requestId: buf.readInt32LE(4),
    responseTo: buf.readInt32LE(8),
    opCode: buf.readInt32LE(12),
  };
}

const DESERIALIZE_OPTS = { validation: { utf8: true }, ...DECODE_OPTIONS } as const;

/** Reads one BSON document at `offset`, checking its declared size against the remaining bytes. */
function readDocument(buf: Buffer, offset: number, end: number, maxSize: number): { doc: Doc; size: number } {
  if (end - offset < 5) throw new WireError('truncated BSON document');
  const size = buf.readInt32LE(offset);
  if (size < 5 || offset + size > end) throw new WireError(`invalid BSON document size ${size}`);
  if (size > maxSize) throw new WireError(`BSON document too large (${size} > ${maxSize})`);
  if (buf[offset + size - 1] !== 0) throw new WireError('BSON document not null-terminated');
  try {
    const doc = normaliseDecoded(deserialize(buf.subarray(offset, offset + size), DESERIALIZE_OPTS) as Doc);
    return { doc, size };
  } catch (e) {
    throw new WireError(`invalid BSON: ${(e as Error).message}`);
  }
}

function readCString(buf: Buffer, offset: number, end: number): { value: string; next: number } {
  const zero = buf.indexOf(0, offset);
  if (zero < 0 || zero >= end) throw new WireError('unterminated cstring');
  return { value: buf.toString('utf8', offset, zero), next: zero + 1 };
}

export function parseMessage(msg: Buffer): ParsedCommand {
  const header = readHeader(msg);
  if (header.opCode === OP_MSG) return parseOpMsg(msg, header);
  if (header.opCode === OP_QUERY) return parseOpQuery(msg, header);
  if (header.opCode === OP_COMPRESSED) throw new WireError('compression is not supported');
  throw new WireError(`unsupported opCode ${header.opCode}`);
}

function parseOpMsg(msg: Buffer, header: MessageHeader): ParsedCommand {
  if (msg.length < HEADER_SIZE + 5) throw new WireError('OP_MSG too short');
  const flags = msg.readUInt32LE(HEADER_SIZE);
  const unknownRequired = flags & 0xffff & ~KNOWN_REQUIRED_FLAGS;
  if (unknownRequired) throw new WireError(`unknown required OP_MSG flag bits 0x${unknownRequired.toString(16)}`);
  let end = msg.length;
  if (flags & FLAG_CHECKSUM) {
    end -= 4;
    if (end < HEADER_SIZE + 5) throw new WireError('OP_MSG too short for checksum');
  }
  let offset = HEADER_SIZE + 4;
  let body: Doc | null = null;
  const sequences: Array<[string, Doc[]]> = [];
  while (offset < end) {
    const kind = msg[offset++];
    if (kind === 0) {
      if (body) throw new WireError('OP_MSG has more than one kind-0 section');
      const { doc, size } = readDocument(msg, offset, end, MAX_BSON_SIZE + COMMAND_OVERHEAD);
      body = doc;
      offset += size;
    } else if (kind === 1) {
      if (end - offset < 4) throw new WireError('truncated document sequence');
      const size = msg.readInt32LE(offset);
      const seqEnd = offset + size;
      if (size < 5 || seqEnd > end) throw new WireError('invalid document sequence size');
      const id = readCString(msg, offset + 4, seqEnd);
      let p = id.next;
      const docs: Doc[] = [];
      while (p < seqEnd) {
        const { doc, size: dsize } = readDocument(msg, p, seqEnd, MAX_BSON_SIZE);
        docs.push(doc);
        p += dsize;
      }
      sequences.push([id.value, docs]);
      offset = seqEnd;
    } else {
      throw new WireError(`unknown OP_MSG section kind ${kind}`);
    }
  }
  if (!body) throw new WireError('OP_MSG has no kind-0 section');
  for (const [name, docs] of sequences) {
    if (name in body) throw new WireError(`duplicate field ${name} in OP_MSG document sequence`);
    body[name] = docs;
  }
  plainCommandOptions(body);
  return { header, kind: 'msg', command: body, moreToCome: (flags & FLAG_MORE_TO_COME) !== 0 };
}

function parseOpQuery(msg: Buffer, header: MessageHeader): ParsedCommand {
  let offset = HEADER_SIZE + 4; // flags
  const coll = readCString(msg, offset, msg.length);
  offset = coll.next + 8; // numberToSkip, numberToReturn
  const { doc } = readDocument(msg, offset, msg.length, MAX_BSON_SIZE + COMMAND_OVERHEAD);
  // legacy wrapping: {$query: {...}, $readPreference: ...}
  const command = (
    doc.$query && typeof doc.$query === 'object'
      ? doc.$query
      : doc.query && typeof doc.query === 'object' && Object.keys(doc)[0] === 'query'
        ? doc.query
        : doc
  ) as Doc;
  plainCommandOptions(command);
  return { header, kind: 'query', command, fullCollectionName: coll.value, moreToCome: false };
}

function writeHeader(buf: Buffer, length: number, requestId: number, responseTo: number, opCode: number): void {
  buf.writeInt32LE(length, 0);
  buf.writeInt32LE(requestId, 4);
  buf.writeInt32LE(responseTo, 8);
  buf.writeInt32LE(opCode, 12);
}

export function serializeReply(doc: Doc): Buffer {
  return serialize(doc, { ignoreUndefined: true }) as Buffer;
}

export function buildOpMsg(requestId: number, responseTo: number, doc: Doc): Buffer {
  const body = Buffer.from(serializeReply(doc));
  const out = Buffer.alloc(HEADER_SIZE + 5 + body.length);
  writeHeader(out, out.length, requestId, responseTo, OP_MSG);
  out.writeUInt32LE(0, HEADER_SIZE);
  out[HEADER_SIZE + 4] = 0;
  body.copy(out, HEADER_SIZE + 5);
  return out;
}

export function buildOpReply(requestId: number, responseTo: number, doc: Doc): Buffer {
  const body = Buffer.from(serializeReply(doc));
  const out = Buffer.alloc(HEADER_SIZE + 20 + body.length);
  writeHeader(out, out.length, requestId, responseTo, OP_REPLY);
  out.writeInt32LE(0, 16); // responseFlags
  out.writeBigInt64LE(0n, 20); // cursorID
  out.writeInt32LE(0, 28); // startingFrom
  out.writeInt32LE(1, 32); // numberReturned
  body.copy(out, 36);
  return out;
}

export function bsonSize(doc: Doc): number {
  return calculateObjectSize(doc, { ignoreUndefined: true });
}

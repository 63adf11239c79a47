/**
 * Splits a TCP byte stream into whole wire messages (16-byte header, int32 length first).
 */
import { HEADER_SIZE, MAX_MESSAGE_SIZE, WireError } from './protocol';

export class MessageFramer {
  private chunks: Buffer[] = [];
  private buffered = 0;

  /** Adds bytes; returns every complete message now available. Throws WireError on a bad length. */
  push(chunk: Buffer): Buffer[] {
    this.chunks.push(chunk);
    this.buffered += chunk.length;
    const out: Buffer[] = [];
    while (this.buffered >= 4) {
      const head = this.peek(4);
      const length = head.readInt32LE(0);
      if (length < HEADER_SIZE) throw new WireError(`message length ${length} is below the header size`);
      if (length > MAX_MESSAGE_SIZE)
        throw new WireError(`message length ${length} exceeds maxMessageSizeBytes ${MAX_MESSAGE_SIZE}`);
      if (this.buffered < length) break;
      out.push(this.take(length));
    }
    return out;
  }

  private peek(n: number): Buffer {
    if (this.chunks[0].length >= n) return this.chunks[0];
    return Buffer.concat(this.chunks).subarray(0, n);
  }

  private take(n: number): Buffer {
    const all = this.chunks.length === 1 ? this.chunks[0] : Buffer.concat(this.chunks);
    const msg = all.subarray(0, n);
    const rest = all.subarray(n);
    this.chunks = rest.length ? [rest] : [];
    this.buffered = rest.length;
    return msg;
  }
}

import { createHash, randomBytes } from 'node:crypto';
import type { Response } from 'supertest';

export const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/** Sample documents whose first bytes carry each allowed format's signature. */
export const fixtures = {
  pdf: (size = 20_000) =>
    Buffer.concat([
      Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj << /Patient (Jane Doe) >> endobj\n', 'latin1'),
      randomBytes(size),
      Buffer.from('\n%%EOF\n'),
    ]),
  png: () =>
    Buffer.concat([
      Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489', 'hex'),
      Buffer.from('0000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082', 'hex'),
    ]),
  jpeg: () =>
    Buffer.concat([
      Buffer.from('ffd8ffe000104a46494600010100000100010000', 'hex'),
      randomBytes(5000),
      Buffer.from('ffd9', 'hex'),
    ]),
  webp: () => {
    const body = Buffer.concat([Buffer.from('WEBPVP8 '), randomBytes(200)]);
    const size = Buffer.alloc(4);
    size.writeUInt32LE(body.length);
    return Buffer.concat([Buffer.from('RIFF'), size, body]);
  },
  dicom: () =>
    Buffer.concat([Buffer.alloc(128), Buffer.from('DICM'), Buffer.from('02000000554c0400', 'hex'), randomBytes(2000)]),
  csv: () => Buffer.from('date,systolic,diastolic\n2026-01-01,120,80\n2026-01-02,125,82\n'.repeat(200), 'utf8'),
  text: () => Buffer.from('Allergies: penicillin. Résumé des traitements: ✓\n'.repeat(300), 'utf8'),
  elf: () => Buffer.concat([Buffer.from('7f454c46020101000000000000000000', 'hex'), randomBytes(4000)]),
  exe: () => Buffer.concat([Buffer.from('MZ'), Buffer.alloc(58), Buffer.from([0x80, 0, 0, 0]), randomBytes(4000)]),
  /** Starts as text, then binary after the sniff window. */
  textThenBinary: () =>
    Buffer.concat([Buffer.from('a,b\n'.repeat(2000)), Buffer.from([0, 1, 2, 0xff]), Buffer.from('x\n'.repeat(100))]),
};

export interface Part {
  name: string;
  value: Buffer | string;
  filename?: string;
  contentType?: string;
}

/** A multipart/form-data body built by hand, so names (e.g. with `../`) reach the server exactly as written. */
export function multipart(parts: Part[]): { body: Buffer; contentType: string } {
  const boundary = `----cloudvault${randomBytes(8).toString('hex')}`;
  const chunks: Buffer[] = [];
  for (const p of parts) {
    const disposition = `form-data; name="${p.name}"${p.filename !== undefined ? `; filename="${p.filename.replace(/"/g, '%22')}"` : ''}`;
    const type = p.filename !== undefined ? `\r\nContent-Type: ${p.contentType ?? 'application/octet-stream'}` : '';
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: ${disposition}${type}\r\n\r\n`, 'utf8'));
    chunks.push(typeof p.value === 'string' ? Buffer.from(p.value, 'utf8') : p.value);
    chunks.push(Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { body: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` };
}

/** supertest parser that keeps a response body as raw bytes. */
export function binary(res: Response, cb: (err: Error | null, body: Buffer) => void): void {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => cb(null, Buffer.concat(chunks)));
}

import { BadRequestException, PayloadTooLargeException, UnsupportedMediaTypeException } from '@nestjs/common';
import type { AllowedFileType } from '@cloudvault/contracts';
import { createHash } from 'node:crypto';
import { Transform, type TransformCallback } from 'node:stream';
import { SNIFF_BYTES, sniffFileType, type TextChecker } from './file-type-sniffer';

/** The patient's files would take more than their storage quota (FILE_QUOTA_BYTES). */
export function quotaExceeded(): PayloadTooLargeException {
  return new PayloadTooLargeException(
    'Storage quota exceeded: this file would take your stored files over your quota; delete files to make room',
  );
}

/**
 * Sits between the multipart file stream and the storage driver. It holds back the first bytes until the
 * type is decided (so nothing of a refused file reaches storage), counts bytes against the limit (413),
 * hashes everything with SHA-256, and keeps checking text files to the end. Memory: the sniff window plus
 * the stream buffers, whatever the file size. Any failure errors the stream, which makes the driver abort.
 */
export class UploadInspector extends Transform {
  private size = 0;
  private readonly hash = createHash('sha256');
  private head: Buffer[] = [];
  private headBytes = 0;
  private decided = false;
  private text?: TextChecker;
  private type?: AllowedFileType;
  private digest?: string;

  /**
   * @param maxBytes the per-file limit
   * @param quotaLeft bytes the patient may still store: more is refused with `quotaExceeded()`
   */
  constructor(
    private readonly maxBytes: number,
    private readonly name: string,
    private readonly quotaLeft = Number.POSITIVE_INFINITY,
  ) {
    super();
  }

  /** Available once the stream has ended successfully. */
  get result(): { type: AllowedFileType; size: number; sha256: string } {
    if (!this.type || !this.digest) throw new Error('upload not finished');
    return { type: this.type, size: this.size, sha256: this.digest };
  }

  override _transform(chunk: Buffer, _enc: BufferEncoding, cb: TransformCallback): void {
    this.size += chunk.length;
    if (this.size > this.maxBytes)
      return cb(new PayloadTooLargeException(`File is larger than the ${this.maxBytes}-byte limit`));
    if (this.size > this.quotaLeft) return cb(quotaExceeded());
    this.hash.update(chunk);
    if (this.decided) {
      if (this.text && !this.text.feed(chunk)) return cb(this.unsupported());
      return cb(null, chunk);
    }
    this.head.push(chunk);
    this.headBytes += chunk.length;
    if (this.headBytes < SNIFF_BYTES) return cb();
    this.decide().then(
      (buffered) => cb(null, buffered),
      (e: unknown) => cb(e as Error),
    );
  }

  override _flush(cb: TransformCallback): void {
    const finish = (buffered?: Buffer) => {
      if (this.text && !this.text.end()) return cb(this.unsupported());
      this.digest = this.hash.digest('hex');
      cb(null, buffered);
    };
    if (this.decided) return finish();
    if (this.headBytes === 0) {
      return cb(
        new BadRequestException({
          message: 'Validation failed',
          details: [{ field: 'file', message: 'file must not be empty' }],
        }),
      );
    }
    this.decide().then(finish, (e: unknown) => cb(e as Error));
  }

  private async decide(): Promise<Buffer> {
    const head = Buffer.concat(this.head);
    this.head = [];
    const sniffed = await sniffFileType(head, this.name);
    if (!sniffed.type) throw this.unsupported();
    this.decided = true;
    this.type = sniffed.type;
    this.text = 'text' in sniffed ? sniffed.text : undefined;
    return head;
  }

  private unsupported(): UnsupportedMediaTypeException {
    return new UnsupportedMediaTypeException(
      'File type not allowed: PDF, PNG, JPEG, WebP, HEIC, DICOM, plain text or CSV only',
    );
  }
}

import type { FileDto } from '@cloudvault/contracts';
import type { Response } from 'express';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

/** What a download needs: the file's metadata and its bytes. */
export interface FileContent {
  file: FileDto;
  stream: Readable;
}

/** `attachment; filename="<ASCII fallback>"; filename*=UTF-8''<RFC 5987 encoded>`. */
export function contentDisposition(name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

/**
 * Streams a stored file as a download: always an attachment with a safe name, the type decided at upload,
 * `nosniff`, the exact length, and no caching by shared caches. If the stream fails midway (storage error,
 * failed integrity check) the connection is cut, so a client never takes a truncated file as complete.
 * Used by the patient's files controller and the doctor workspace.
 */
export async function sendFileDownload(res: Response, content: FileContent): Promise<void> {
  const { file, stream } = content;
  res.status(200);
  res.setHeader('Content-Type', file.contentType);
  res.setHeader('Content-Length', String(file.size));
  res.setHeader('Content-Disposition', contentDisposition(file.name));
  res.setHeader('X-Content-Type-Options', 'nosniff');
  // no-transform: the compression middleware leaves the bytes (and Content-Length) exactly as stored.
  res.setHeader('Cache-Control', 'private, no-store, no-transform');
  res.setHeader('Content-Security-Policy', "default-src 'none'; sandbox");
  res.setHeader('ETag', `"${file.sha256}"`);
  try {
    await pipeline(stream, res);
  } catch {
    res.destroy();
  }
}

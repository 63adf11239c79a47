import { BadRequestException, PayloadTooLargeException } from '@nestjs/common';
import busboy from 'busboy';
import type { Request } from 'express';
import type { Readable } from 'node:stream';

export interface IncomingFile {
  stream: Readable;
  /** The name the client sent (unsanitised; may be absent). */
  filename: string | undefined;
}

/** Room for the multipart envelope and the text fields on top of the file itself. */
const ENVELOPE_BYTES = 64 * 1024;
const FILE_FIELD = 'file';

const invalid = (field: string, message: string) =>
  new BadRequestException({ message: 'Validation failed', details: [{ field, message }] });

/**
 * Reads a `multipart/form-data` request with busboy, streaming: exactly one `file` part is handed to
 * `onFile` as it arrives (never buffered whole); small text fields are collected. Resolves when the body
 * has been read and `onFile` has finished. On any failure it stops reading (the rest of the body is
 * drained by Node) and rejects once `onFile` has settled; `onFile`'s own error wins, so a 413/415 from the
 * file check is what the client sees.
 */
export function receiveUpload<T>(
  req: Request,
  maxFileBytes: number,
  onFile: (file: IncomingFile) => Promise<T>,
): Promise<{ file: T; fields: Record<string, string> }> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > maxFileBytes + ENVELOPE_BYTES) {
    return Promise.reject(new PayloadTooLargeException(`File is larger than the ${maxFileBytes}-byte limit`));
  }
  let parser: busboy.Busboy;
  try {
    parser = busboy({
      headers: req.headers,
      defParamCharset: 'utf8',
      limits: { files: 1, fields: 10, parts: 11, fieldNameSize: 100, fieldSize: 8 * 1024 },
    });
  } catch {
    return Promise.reject(invalid(FILE_FIELD, 'the body must be multipart/form-data with a file field'));
  }

  return new Promise((resolve, reject) => {
    const fields: Record<string, string> = {};
    let filePromise: Promise<T> | undefined;
    let fileStream: Readable | undefined;
    let settled = false;

    // Stops reading and rejects, but only once an in-flight `onFile` has settled: the caller then knows
    // whether an object was stored and must be removed.
    const fail = (error: unknown) => {
      if (settled) return;
      settled = true;
      req.unpipe(parser);
      req.resume();
      if (!filePromise) return reject(error);
      // With an error: busboy's file streams do not emit 'close', so a plain destroy would go unnoticed.
      fileStream?.destroy(error instanceof Error ? error : new Error('upload failed'));
      filePromise.then(
        () => reject(error),
        () => reject(error),
      );
    };

    parser.on('field', (name, value, info) => {
      if (info.nameTruncated || info.valueTruncated) return fail(invalid(name, `${name} is too long`));
      fields[name] = value;
    });
    parser.on('file', (name, stream, info) => {
      if (name !== FILE_FIELD) {
        stream.resume();
        return fail(invalid(name, `unexpected file field ${name}; send the file as "${FILE_FIELD}"`));
      }
      fileStream = stream;
      filePromise = onFile({ stream, filename: info.filename });
      filePromise.catch(fail);
    });
    parser.on('filesLimit', () => fail(invalid(FILE_FIELD, 'send exactly one file')));
    parser.on('fieldsLimit', () => fail(invalid('fields', 'too many fields')));
    parser.on('partsLimit', () => fail(invalid('fields', 'too many parts')));
    parser.on('error', () => fail(invalid(FILE_FIELD, 'malformed multipart body')));
    parser.on('close', () => {
      if (settled) return;
      if (!filePromise) return fail(invalid(FILE_FIELD, 'file is required'));
      filePromise.then((file) => {
        if (settled) return;
        settled = true;
        resolve({ file, fields });
      }, fail);
    });
    req.on('aborted', () => fail(new BadRequestException('Upload interrupted')));
    req.pipe(parser);
  });
}

import { ALLOWED_FILE_TYPES, type AllowedFileType } from '@cloudvault/contracts';
import { loadFileType } from './file-type.loader';

/** Bytes file-type needs to recognise every format it knows; detection never sees more than this. */
export const SNIFF_BYTES = 4100;

/** Detection of hostile bytes gives up after this long (the file is then refused as not allowed). */
const SNIFF_TIMEOUT_MS = 1000;

/** Binary signatures file-type reports, mapped to the allow-list (HEIF still images are HEIC here). */
const FROM_SIGNATURE: Readonly<Record<string, AllowedFileType>> = {
  'application/pdf': ALLOWED_FILE_TYPES.pdf,
  'image/png': ALLOWED_FILE_TYPES.png,
  'image/jpeg': ALLOWED_FILE_TYPES.jpeg,
  'image/webp': ALLOWED_FILE_TYPES.webp,
  'image/heic': ALLOWED_FILE_TYPES.heic,
  'image/heif': ALLOWED_FILE_TYPES.heic,
  'application/dicom': ALLOWED_FILE_TYPES.dicom,
};

/** DICOM Part 10: a 128-byte preamble, then `DICM`. */
function isDicom(head: Buffer): boolean {
  return head.length >= 132 && head.toString('latin1', 128, 132) === 'DICM';
}

/**
 * Streaming check that bytes are text: valid UTF-8 and no NUL. Fed every chunk of the upload, so a text
 * file with binary content after its first kilobytes is still refused.
 */
export class TextChecker {
  private readonly decoder = new TextDecoder('utf-8', { fatal: true });

  /** False as soon as the bytes so far cannot be text. */
  feed(chunk: Buffer): boolean {
    if (chunk.includes(0)) return false;
    try {
      this.decoder.decode(chunk, { stream: true });
      return true;
    } catch {
      return false;
    }
  }

  /** False if the bytes end inside a multi-byte sequence. */
  end(): boolean {
    try {
      this.decoder.decode();
      return true;
    } catch {
      return false;
    }
  }
}

export type SniffResult = { type: AllowedFileType; text?: TextChecker } | { type: undefined; detected?: string };

/**
 * Decides the type from the first bytes, never from the name: binary signatures first (file-type), then
 * DICOM's marker, then text (where the name's `.csv` only picks text/csv over text/plain). Anything else,
 * including executables whatever they are called, is not allowed.
 */
export async function sniffFileType(head: Buffer, name: string): Promise<SniffResult> {
  const { FileTypeParser } = await loadFileType();
  const parser = new FileTypeParser({ signal: AbortSignal.timeout(SNIFF_TIMEOUT_MS) });
  let signature: { mime: string } | undefined;
  try {
    signature = await parser.fromBuffer(head.subarray(0, SNIFF_BYTES));
  } catch {
    return { type: undefined }; // malformed beyond what the parser accepts, or too slow to decide
  }
  if (signature) {
    const type = FROM_SIGNATURE[signature.mime];
    return type ? { type } : { type: undefined, detected: signature.mime };
  }
  if (isDicom(head)) return { type: ALLOWED_FILE_TYPES.dicom };
  const text = new TextChecker();
  if (head.length > 0 && text.feed(head)) {
    return { type: name.toLowerCase().endsWith('.csv') ? ALLOWED_FILE_TYPES.csv : ALLOWED_FILE_TYPES.text, text };
  }
  return { type: undefined };
}

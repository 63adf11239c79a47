import { FILE_NAME_MAX_LENGTH } from '@cloudvault/contracts';

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g;
const RESERVED = /[<>:"|?*\\/]/g;

/**
 * A display name safe to store and to send back in Content-Disposition: the last path segment only (no
 * directories, so `../../etc/passwd.pdf` becomes `passwd.pdf`), no control or bidi characters, no reserved
 * characters, no leading dots, NFC-normalised and at most FILE_NAME_MAX_LENGTH characters (extension kept).
 */
export function sanitiseFileName(raw: string | undefined): string {
  const lastSegment = (raw ?? '').split(/[\\/]/).pop() ?? '';
  let name = lastSegment.normalize('NFC').replace(CONTROL, '').replace(RESERVED, '_').replace(/\s+/g, ' ').trim();
  name = name.replace(/^[.\s]+/, '').replace(/[.\s]+$/, '');
  if (!name) return 'file';
  const chars = Array.from(name);
  if (chars.length <= FILE_NAME_MAX_LENGTH) return name;
  const dot = name.lastIndexOf('.');
  const ext = dot > 0 ? Array.from(name.slice(dot)).slice(0, 16).join('') : '';
  return (
    Array.from(name.slice(0, dot > 0 ? dot : undefined))
      .slice(0, FILE_NAME_MAX_LENGTH - ext.length)
      .join('') + ext
  );
}

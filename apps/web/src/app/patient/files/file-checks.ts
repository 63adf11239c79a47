import { ALLOWED_FILE_EXTENSIONS, DEFAULT_UPLOAD_MAX_BYTES } from '@cloudvault/contracts';
import { formatFileSize } from '../../shared/files/file-size';

/**
 * A plain-language reason the file will be refused, checked before sending it (the server decides in the end:
 * it reads the type from the bytes and applies its own size limit).
 */
export function fileProblem(file: Pick<File, 'name' | 'size'>, maxBytes = DEFAULT_UPLOAD_MAX_BYTES): string | null {
  if (file.size === 0) return 'This file is empty.';
  if (file.size > maxBytes) {
    return `This file is ${formatFileSize(file.size)}, over the ${formatFileSize(maxBytes)} limit.`;
  }
  const dot = file.name.lastIndexOf('.');
  const ext = dot >= 0 ? file.name.slice(dot).toLowerCase() : '';
  if (!(ALLOWED_FILE_EXTENSIONS as readonly string[]).includes(ext)) {
    return `This type of file is not accepted. Allowed: PDF, PNG, JPEG, WebP, HEIC, DICOM, text and CSV.`;
  }
  return null;
}

export const ACCEPT_ATTRIBUTE = ALLOWED_FILE_EXTENSIONS.join(',');

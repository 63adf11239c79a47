/** Media types a medical file may have, decided from its first bytes (never from its name). */
export const ALLOWED_FILE_TYPES = {
  pdf: 'application/pdf',
  png: 'image/png',
  jpeg: 'image/jpeg',
  webp: 'image/webp',
  heic: 'image/heic',
  dicom: 'application/dicom',
  text: 'text/plain',
  csv: 'text/csv',
} as const;
export type AllowedFileType = (typeof ALLOWED_FILE_TYPES)[keyof typeof ALLOWED_FILE_TYPES];
export const ALLOWED_FILE_TYPE_VALUES: readonly AllowedFileType[] = Object.values(ALLOWED_FILE_TYPES);

/** File extensions the SPA's picker suggests (the server still decides from the bytes). */
export const ALLOWED_FILE_EXTENSIONS = [
  '.pdf',
  '.png',
  '.jpg',
  '.jpeg',
  '.webp',
  '.heic',
  '.heif',
  '.dcm',
  '.txt',
  '.csv',
] as const;

export const FILE_NAME_MAX_LENGTH = 200;
export const FILE_DESCRIPTION_MAX_LENGTH = 1000;
export const FILE_QUERY_MAX_LENGTH = 100;
/** Default upload limit; the server's `UPLOAD_MAX_BYTES` setting decides. */
export const DEFAULT_UPLOAD_MAX_BYTES = 25 * 1024 * 1024;

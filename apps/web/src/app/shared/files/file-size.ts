const UNITS = ['KB', 'MB', 'GB'];

/**
 * The one way the SPA writes a size: binary multiples (1 MB = 1024 × 1024 bytes, as the upload limit is set),
 * one decimal, a trailing ".0" dropped. 1536 → "1.5 KB", 27_787_264 → "26.5 MB", 25 MB → "25 MB".
 */
export function formatFileSize(bytes: number | null | undefined): string {
  if (bytes === null || bytes === undefined || !Number.isFinite(bytes)) return '';
  if (bytes < 1024) return `${bytes} B`;
  let value = bytes / 1024;
  let i = 0;
  while (value >= 1024 && i < UNITS.length - 1) {
    value /= 1024;
    i++;
  }
  return `${String(Math.round(value * 10) / 10)} ${UNITS[i]}`;
}

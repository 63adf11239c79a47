/** The app's date styles: `medium` is date and time, `mediumDate` the date alone, `day` a chart tick. */
export type DateStyle = 'medium' | 'mediumDate' | 'day';

export interface DateFormatPreferences {
  locale?: string;
  timeZone?: string;
}

const STYLES: Record<DateStyle, Intl.DateTimeFormatOptions> = {
  medium: { dateStyle: 'medium', timeStyle: 'short' },
  mediumDate: { dateStyle: 'medium' },
  day: { day: 'numeric', month: 'short' },
};

const cache = new Map<string, Intl.DateTimeFormat>();

/**
 * The one date formatter of the SPA: the user's locale and time zone (the browser's until they choose), so a
 * date reads the same in a dialog, a table and a chart.
 */
export function formatDate(
  value: string | number | Date | null | undefined,
  style: DateStyle,
  prefs: DateFormatPreferences,
): string {
  if (value === null || value === undefined || value === '') return '';
  const d = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(d.getTime())) return '';
  const key = `${style}|${prefs.locale ?? ''}|${prefs.timeZone ?? ''}`;
  let fmt = cache.get(key);
  if (!fmt) {
    fmt = new Intl.DateTimeFormat(prefs.locale, { ...STYLES[style], timeZone: prefs.timeZone });
    cache.set(key, fmt);
  }
  return fmt.format(d);
}

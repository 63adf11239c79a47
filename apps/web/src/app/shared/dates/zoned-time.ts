/** Display helpers for instants in a given IANA time zone (the viewer's, by default), with the browser's Intl. */

export function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/** "Monday, 7 December 2026". */
export function formatDay(iso: string, timeZone: string): string {
  return new Intl.DateTimeFormat('en-GB', {
    timeZone,
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  }).format(new Date(iso));
}

/** "09:00" (24-hour clock). */
export function formatTime(iso: string, timeZone: string): string {
  return new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(
    new Date(iso),
  );
}

/** The local calendar date "YYYY-MM-DD" of an instant in `timeZone`. */
export function localDate(iso: string, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(
    new Date(iso),
  );
}

export interface DayGroup<T> {
  date: string;
  label: string;
  items: T[];
}

/** Items grouped by the local day of `startOf(item)`, in the order given (callers pass them soonest first). */
export function groupByDay<T>(items: readonly T[], startOf: (item: T) => string, timeZone: string): DayGroup<T>[] {
  const groups: DayGroup<T>[] = [];
  for (const item of items) {
    const date = localDate(startOf(item), timeZone);
    let group = groups.find((g) => g.date === date);
    if (!group) {
      group = { date, label: formatDay(startOf(item), timeZone), items: [] };
      groups.push(group);
    }
    group.items.push(item);
  }
  return groups;
}

/** Date-only inputs (`YYYY-MM-DD`, the user's local day) as ISO instants for API filters. */
export function startOfDayIso(date: string | null | undefined): string | undefined {
  if (!date) return undefined;
  const d = new Date(`${date}T00:00:00`);
  return Number.isNaN(d.getTime()) ? undefined : d.toISOString();
}

export function endOfDayIso(date: string | null | undefined): string | undefined {
  if (!date) return undefined;
  const d = new Date(`${date}T23:59:59.999`);
  return Number.isNaN(d.getTime()) ? undefined : d.toISOString();
}

/** The value for an `<input type="datetime-local">` showing `date` in local time. */
export function toDateTimeLocal(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

export const PERIODS = [
  { id: '7d', label: 'Last 7 days', days: 7 },
  { id: '30d', label: 'Last 30 days', days: 30 },
  { id: '90d', label: 'Last 90 days', days: 90 },
  { id: '365d', label: 'Last 12 months', days: 365 },
  { id: 'all', label: 'All time', days: null },
  { id: 'custom', label: 'Custom dates', days: null },
] as const;
export type PeriodId = (typeof PERIODS)[number]['id'];

/** The ISO start of a preset period ending now; undefined for "all time". */
export function periodFrom(id: PeriodId, now = new Date()): string | undefined {
  const days = PERIODS.find((p) => p.id === id)?.days;
  return days ? new Date(now.getTime() - days * 86_400_000).toISOString() : undefined;
}

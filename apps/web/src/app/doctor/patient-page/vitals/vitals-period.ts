/** The periods the doctor can look at; `days: null` is every reading. */
export const VITAL_PERIODS = [
  { id: '7d', label: 'Last 7 days', days: 7 },
  { id: '30d', label: 'Last 30 days', days: 30 },
  { id: '90d', label: 'Last 90 days', days: 90 },
  { id: '1y', label: 'Last 12 months', days: 365 },
  { id: 'all', label: 'All readings', days: null },
] as const;
export type VitalPeriodId = (typeof VITAL_PERIODS)[number]['id'];

/** The ISO start of a period, or undefined for all readings. */
export function periodStart(id: VitalPeriodId, now = Date.now()): string | undefined {
  const days = VITAL_PERIODS.find((p) => p.id === id)?.days;
  return days ? new Date(now - days * 86_400_000).toISOString() : undefined;
}

import type { VitalDto, VitalPageDto, VitalType } from '@cloudvault/contracts';

/** Above this many readings of one type in a period, the chart draws each day's range instead. */
export const CHART_MAX_READINGS = 200;
/** The page size asked for a period's readings: one request tells whether they all fit. */
export const PERIOD_READINGS_LIMIT = 500;

/**
 * The readings a chart draws one by one, per type: all of the period's readings of the type when the page
 * holds the whole period and they are few enough; otherwise null (the chart draws daily ranges).
 */
export function chartReadings(page: VitalPageDto | undefined, type: VitalType): VitalDto[] | null {
  if (!page || page.nextCursor !== null) return null;
  const readings = page.items.filter((v) => v.type === type);
  return readings.length <= CHART_MAX_READINGS ? readings : null;
}

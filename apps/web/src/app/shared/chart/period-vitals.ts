import type { VitalDto, VitalPageDto, VitalsSummaryDto, VitalType } from '@cloudvault/contracts';
import { forkJoin, map, type Observable } from 'rxjs';
import type { ChartAxis } from './vitals-chart.component';

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

/** What a page of vital cards shows: the summary, the period's readings and the time axis the cards share. */
export interface PeriodVitals {
  summary: VitalsSummaryDto;
  page: VitalPageDto;
  axis: ChartAxis;
}

const DAY_MS = 86_400_000;

/** From the period's start (or the first reading, for every reading) to its end or now. */
export function periodAxis(
  range: { from?: string; to?: string },
  summary: VitalsSummaryDto,
  now = Date.now(),
): ChartAxis {
  const max = range.to ? Date.parse(range.to) : now;
  const first = Math.min(...summary.items.flatMap((s) => s.series.map((p) => Date.parse(p.t))), max);
  const min = range.from ? Date.parse(range.from) : first;
  return { min: Math.min(min, max - DAY_MS), max };
}

/** Loads a period's summary and readings together, so the charts and their tables agree. */
export function loadPeriodVitals(
  range: { from?: string; to?: string },
  summary$: Observable<VitalsSummaryDto>,
  page$: Observable<VitalPageDto>,
): Observable<PeriodVitals> {
  return forkJoin({ summary: summary$, page: page$ }).pipe(
    map(({ summary, page }) => ({ summary, page, axis: periodAxis(range, summary) })),
  );
}

import type { VitalTypeSummaryDto } from '@cloudvault/contracts';
import { seriesToChartPoints } from '../../shared/chart/vital-series';

/** Memoised per summary object, so the chart input keeps its identity between change detection runs. */
const cache = new WeakMap<VitalTypeSummaryDto, ReturnType<typeof seriesToChartPoints>>();

export function vitalSeriesPoints(summary: VitalTypeSummaryDto): ReturnType<typeof seriesToChartPoints> {
  let points = cache.get(summary);
  if (!points) {
    points = seriesToChartPoints(summary);
    cache.set(summary, points);
  }
  return points;
}

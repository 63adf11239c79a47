import type { VitalTypeSummaryDto } from '@cloudvault/contracts';
import type { VitalChartPoint } from './vitals-chart.component';

/** The summary's downsampled series as chart points (blood pressure: systolic = value, diastolic = value2). */
export function seriesToChartPoints(summary: Pick<VitalTypeSummaryDto, 'type' | 'series'>): VitalChartPoint[] {
  return summary.series.map((p) =>
    summary.type === 'blood_pressure'
      ? { takenAt: p.t, systolic: p.value, diastolic: p.value2 }
      : { takenAt: p.t, value: p.value },
  );
}

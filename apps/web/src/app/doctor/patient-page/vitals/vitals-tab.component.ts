import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import type { VitalTypeSummaryDto } from '@cloudvault/contracts';
import { CategoryBadgeComponent } from '../../../shared/badge/category-badge.component';
import { VitalsChartComponent } from '../../../shared/chart/vitals-chart.component';
import { VitalLabelPipe, VitalValuePipe } from '../../../shared/pipes/vital-value.pipe';
import { EmptyStateComponent } from '../../../shared/state/empty-state.component';
import { ErrorStateComponent } from '../../../shared/state/error-state.component';
import { LoadingStateComponent } from '../../../shared/state/loading-state.component';
import { injectPatientId } from '../patient-id';
import { DoctorVitalsApiService } from './doctor-vitals-api.service';
import { chartPoints } from './vital-chart-points';
import { VitalsTableComponent } from './vitals-table.component';
import { periodStart, VITAL_PERIODS, type VitalPeriodId } from './vitals-period';

/** The patient's vitals over a chosen period: per type the latest reading, its category, statistics and chart. */
@Component({
  selector: 'cv-vitals-tab',
  imports: [
    CategoryBadgeComponent,
    VitalsChartComponent,
    VitalLabelPipe,
    VitalValuePipe,
    VitalsTableComponent,
    EmptyStateComponent,
    ErrorStateComponent,
    LoadingStateComponent,
  ],
  templateUrl: './vitals-tab.component.html',
  styleUrl: './vitals-tab.component.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class VitalsTabComponent {
  private readonly api = inject(DoctorVitalsApiService);

  protected readonly patientId = injectPatientId();
  protected readonly periods = VITAL_PERIODS;
  protected readonly period = signal<VitalPeriodId>('90d');
  /** Fixed when the period is chosen, so the table and the charts cover the same readings. */
  protected readonly from = computed(() => periodStart(this.period()));
  protected readonly summary = rxResource({
    params: () => ({ patientId: this.patientId(), from: this.from() }),
    stream: ({ params }) => this.api.summary(params.patientId, params.from),
  });
  protected readonly chartPoints = chartPoints;

  protected choosePeriod(id: string): void {
    const known = VITAL_PERIODS.find((p) => p.id === id);
    if (known) this.period.set(known.id);
  }

  protected trendText(s: VitalTypeSummaryDto): string {
    const d = s.trend.direction;
    return d === 'insufficient_data' ? 'Not enough readings for a trend' : `Trend: ${d}`;
  }

  protected statsText(s: VitalTypeSummaryDto): string {
    return s.stats
      .map(
        (st) =>
          `${st.metric === 'value' ? '' : st.metric + ' '}min ${round(st.min)}, mean ${round(st.mean)}, max ${round(st.max)}`,
      )
      .join('; ');
  }
}

function round(n: number): string {
  return Number.isInteger(n) ? String(n) : n.toFixed(1);
}

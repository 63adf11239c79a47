import { LowerCasePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { VITAL_TYPE_VALUES, type VitalTypeSummaryDto } from '@cloudvault/contracts';
import { CategoryBadgeComponent } from '../../../shared/badge/category-badge.component';
import { SessionService } from '../../../core/session/session.service';
import { ReadingFlagComponent } from '../../../shared/badge/reading-flag.component';
import { readingFlag } from '../../../shared/chart/chart-rows';
import { chartReadings, loadPeriodVitals, PERIOD_READINGS_LIMIT } from '../../../shared/chart/period-vitals';
import { VitalsChartComponent } from '../../../shared/chart/vitals-chart.component';
import { DateFormatPipe } from '../../../shared/pipes/date-format.pipe';
import { formatStat, isUrgentVital } from '../../../shared/vitals/unit-system';
import { VitalLabelPipe, VitalValuePipe } from '../../../shared/pipes/vital-value.pipe';
import { EmptyStateComponent } from '../../../shared/state/empty-state.component';
import { ErrorStateComponent } from '../../../shared/state/error-state.component';
import { LoadingStateComponent } from '../../../shared/state/loading-state.component';
import { injectPatientId } from '../patient-id';
import { DoctorVitalsApiService } from './doctor-vitals-api.service';
import { FlowsheetComponent } from './flowsheet.component';
import { VitalsTableComponent } from './vitals-table.component';
import { periodStart, VITAL_PERIODS, type VitalPeriodId } from './vitals-period';

/** The patient's vitals over a chosen period: per type the latest reading, its category, statistics and chart. */
@Component({
  selector: 'cv-vitals-tab',
  imports: [
    LowerCasePipe,
    FlowsheetComponent,
    CategoryBadgeComponent,
    DateFormatPipe,
    ReadingFlagComponent,
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
  private readonly session = inject(SessionService);

  protected readonly patientId = injectPatientId();
  protected readonly periods = VITAL_PERIODS;
  protected readonly period = signal<VitalPeriodId>('90d');
  /** Fixed when the period is chosen, so the table and the charts cover the same readings. */
  protected readonly from = computed(() => periodStart(this.period()));
  /** The summary and the period's readings, with the time axis every card shares. */
  protected readonly vitals = rxResource({
    params: () => ({ patientId: this.patientId(), from: this.from() }),
    stream: ({ params }) =>
      loadPeriodVitals(
        { from: params.from },
        this.api.summary(params.patientId, params.from),
        this.api.list(params.patientId, { from: params.from }, undefined, PERIOD_READINGS_LIMIT),
      ),
  });
  private readonly page = computed(() => (this.vitals.hasValue() ? this.vitals.value().page : undefined));
  /** Each type's chart readings, computed once per load so the charts' inputs keep their identity. */
  protected readonly readingsByType = computed(
    () => new Map(VITAL_TYPE_VALUES.map((t) => [t, chartReadings(this.page(), t)])),
  );
  /** Readings in a guideline's urgent category, newest first: shown above the charts. */
  protected readonly urgent = computed(() =>
    (this.page()?.items ?? []).filter(isUrgentVital).map((v) => ({ v, flag: readingFlag(v) })),
  );

  protected choosePeriod(id: string): void {
    const known = VITAL_PERIODS.find((p) => p.id === id);
    if (known) this.period.set(known.id);
  }

  protected trendText(s: VitalTypeSummaryDto): string {
    const d = s.trend.direction;
    return d === 'insufficient_data' ? 'Not enough readings for a trend' : `Trend: ${d}`;
  }

  /** "Systolic min 118 mmHg, mean 131 mmHg, max 182 mmHg; …" in the doctor's unit system. */
  protected statsText(s: VitalTypeSummaryDto): string {
    const f = (n: number) => formatStat(s.type, this.session.units(), n);
    return s.stats
      .map((st) => {
        const name = st.metric === 'value' ? '' : `${st.metric.charAt(0).toUpperCase()}${st.metric.slice(1)} `;
        return `${name}min ${f(st.min)}, mean ${f(st.mean)}, max ${f(st.max)}`;
      })
      .join('; ');
  }
}

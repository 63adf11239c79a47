import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import { RouterLink } from '@angular/router';
import { VITAL_TYPE_VALUES, type VitalTypeSummaryDto } from '@cloudvault/contracts';
import { errorMessage } from '../../core/http/api-error';
import { SessionService } from '../../core/session/session.service';
import { CategoryBadgeComponent } from '../../shared/badge/category-badge.component';
import { chartReadings, loadPeriodVitals, PERIOD_READINGS_LIMIT } from '../../shared/chart/period-vitals';
import { VitalsChartComponent } from '../../shared/chart/vitals-chart.component';
import { DateFormatPipe } from '../../shared/pipes/date-format.pipe';
import { endOfDayIso, PERIODS, periodFrom, type PeriodId, startOfDayIso } from '../../shared/dates/date-range';
import { VitalLabelPipe, VitalValuePipe } from '../../shared/pipes/vital-value.pipe';
import { EmptyStateComponent } from '../../shared/state/empty-state.component';
import { ErrorStateComponent } from '../../shared/state/error-state.component';
import { LoadingStateComponent } from '../../shared/state/loading-state.component';
import { VitalsApiService } from '../vitals/vitals-api.service';

/** Latest value and clinical category of each vital, and its chart over the chosen period. */
@Component({
  selector: 'cv-patient-dashboard',
  imports: [
    DateFormatPipe,
    FormsModule,
    RouterLink,
    CategoryBadgeComponent,
    VitalsChartComponent,
    VitalLabelPipe,
    VitalValuePipe,
    LoadingStateComponent,
    EmptyStateComponent,
    ErrorStateComponent,
  ],
  templateUrl: './patient-dashboard.component.html',
  styles: `
    .vital-card {
      min-width: 0;
    }
    .vital-card h2 {
      margin: 0 0 0.25rem;
    }
    .latest {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.5rem;
      font-size: 1.35rem;
      font-weight: 700;
      margin: 0.25rem 0;
    }
    .cards {
      display: grid;
      gap: 1rem;
      grid-template-columns: repeat(auto-fill, minmax(min(100%, 460px), 1fr));
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PatientDashboardComponent {
  private readonly api = inject(VitalsApiService);
  protected readonly session = inject(SessionService);
  protected readonly periods = PERIODS;
  protected readonly period = signal<PeriodId>('30d');
  protected readonly customFrom = signal('');
  protected readonly customTo = signal('');
  private readonly range = computed(() =>
    this.period() === 'custom'
      ? { from: startOfDayIso(this.customFrom()), to: endOfDayIso(this.customTo()) }
      : { from: periodFrom(this.period()), to: undefined },
  );
  /** The summary and the period's readings, with the time axis every card shares. */
  protected readonly vitals = rxResource({
    params: () => this.range(),
    stream: ({ params }) =>
      loadPeriodVitals(
        params,
        this.api.summary(params.from, params.to),
        this.api.list({ from: params.from, to: params.to }, undefined, PERIOD_READINGS_LIMIT),
      ),
  });
  /** Each type's chart readings, computed once per load so the charts' inputs keep their identity. */
  protected readonly readingsByType = computed(() => {
    const page = this.vitals.hasValue() ? this.vitals.value().page : undefined;
    return new Map(VITAL_TYPE_VALUES.map((t) => [t, chartReadings(page, t)]));
  });
  protected readonly errorMessage = errorMessage;

  protected trend(s: VitalTypeSummaryDto): string {
    switch (s.trend.direction) {
      case 'rising':
        return 'Rising';
      case 'falling':
        return 'Falling';
      case 'stable':
        return 'Stable';
      default:
        return 'Not enough readings for a trend';
    }
  }
}

import { ChangeDetectionStrategy, Component, effect, inject, input, signal, untracked } from '@angular/core';
import {
  type GlucoseContext,
  VITAL_TYPE_LABELS,
  VITAL_TYPE_VALUES,
  type VitalDto,
  type VitalType,
} from '@cloudvault/contracts';
import { ReadingFlagComponent } from '../../../shared/badge/reading-flag.component';
import { CONTEXT_LABELS } from '../../../shared/chart/chart-model';
import { readingFlag } from '../../../shared/chart/chart-rows';
import { DateFormatPipe } from '../../../shared/pipes/date-format.pipe';
import { VitalLabelPipe, VitalValuePipe } from '../../../shared/pipes/vital-value.pipe';
import { EmptyStateComponent } from '../../../shared/state/empty-state.component';
import { ErrorStateComponent } from '../../../shared/state/error-state.component';
import { LoadingStateComponent } from '../../../shared/state/loading-state.component';
import { CursorList } from '../../../shared/paging/cursor-list';
import { LoadMoreComponent } from '../../../shared/paging/load-more.component';
import { DoctorVitalsApiService } from './doctor-vitals-api.service';

/** Every reading of the period, newest first, filterable by type, paged with "Show older readings". */
@Component({
  selector: 'cv-vitals-table',
  imports: [
    DateFormatPipe,
    ReadingFlagComponent,
    VitalLabelPipe,
    VitalValuePipe,
    EmptyStateComponent,
    ErrorStateComponent,
    LoadingStateComponent,
    LoadMoreComponent,
  ],
  templateUrl: './vitals-table.component.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class VitalsTableComponent {
  private readonly api = inject(DoctorVitalsApiService);

  readonly patientId = input.required<string>();
  readonly from = input<string | undefined>(undefined);

  protected readonly types = VITAL_TYPE_VALUES.map((value) => ({ value, label: VITAL_TYPE_LABELS[value] }));
  protected readonly type = signal<VitalType | ''>('');
  protected readonly readings = new CursorList<VitalDto>((cursor) =>
    this.api.list(this.patientId(), { type: this.type() || undefined, from: this.from() }, cursor),
  );

  protected readonly flag = readingFlag;
  protected readonly contextLabel = (c: GlucoseContext) => CONTEXT_LABELS[c].toLowerCase();

  constructor() {
    effect(() => {
      this.patientId();
      this.from();
      this.type();
      untracked(() => this.readings.reload());
    });
  }

  protected chooseType(value: string): void {
    this.type.set(VITAL_TYPE_VALUES.find((t) => t === value) ?? '');
  }
}

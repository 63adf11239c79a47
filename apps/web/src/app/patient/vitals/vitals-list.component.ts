import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import {
  type GlucoseContext,
  VITAL_TYPE_LABELS,
  VITAL_TYPE_VALUES,
  type VitalDto,
  type VitalType,
} from '@cloudvault/contracts';
import { errorMessage } from '../../core/http/api-error';
import { SessionService } from '../../core/session/session.service';
import { ToastService } from '../../core/toast/toast.service';
import { ReadingFlagComponent } from '../../shared/badge/reading-flag.component';
import { CONTEXT_LABELS } from '../../shared/chart/chart-model';
import { readingFlag } from '../../shared/chart/chart-rows';
import { formatDate } from '../../shared/dates/date-format';
import { DateFormatPipe } from '../../shared/pipes/date-format.pipe';
import { ConfirmService } from '../../shared/confirm/confirm.service';
import { endOfDayIso, startOfDayIso } from '../../shared/dates/date-range';
import { CursorList } from '../../shared/paging/cursor-list';
import { VitalLabelPipe, VitalValuePipe } from '../../shared/pipes/vital-value.pipe';
import { EmptyStateComponent } from '../../shared/state/empty-state.component';
import { ErrorStateComponent } from '../../shared/state/error-state.component';
import { LoadingStateComponent } from '../../shared/state/loading-state.component';
import { VitalsApiService } from './vitals-api.service';
import { LoadMoreComponent } from '../../shared/paging/load-more.component';

/** The patient's readings, newest first: filter by type and dates, load more, delete with confirmation. */
@Component({
  selector: 'cv-vitals-list',
  imports: [
    FormsModule,
    DateFormatPipe,
    ReadingFlagComponent,
    VitalLabelPipe,
    VitalValuePipe,
    LoadingStateComponent,
    EmptyStateComponent,
    ErrorStateComponent,
    LoadMoreComponent,
  ],
  templateUrl: './vitals-list.component.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class VitalsListComponent {
  private readonly api = inject(VitalsApiService);
  private readonly confirm = inject(ConfirmService);
  private readonly toasts = inject(ToastService);
  private readonly session = inject(SessionService);

  protected readonly types = VITAL_TYPE_VALUES.map((value) => ({ value, label: VITAL_TYPE_LABELS[value] }));
  protected readonly type = signal<VitalType | ''>('');
  protected readonly from = signal('');
  protected readonly to = signal('');
  protected readonly deleting = signal<string | null>(null);
  protected readonly list = new CursorList<VitalDto>((cursor) =>
    this.api.list(
      { type: this.type() || undefined, from: startOfDayIso(this.from()), to: endOfDayIso(this.to()) },
      cursor,
    ),
  );
  protected readonly errorMessage = errorMessage;
  protected readonly flag = readingFlag;
  protected readonly contextLabel = (c: GlucoseContext) => CONTEXT_LABELS[c].toLowerCase();

  constructor() {
    this.list.reload();
  }

  /** Called by the page after a reading was added. */
  reload(): void {
    this.list.reload();
  }

  protected applyFilters(): void {
    this.list.reload();
  }

  protected clearFilters(): void {
    this.type.set('');
    this.from.set('');
    this.to.set('');
    this.list.reload();
  }

  protected async remove(vital: VitalDto): Promise<void> {
    const ok = await this.confirm.confirm({
      title: 'Delete this reading?',
      message: `The ${VITAL_TYPE_LABELS[vital.type].toLowerCase()} reading of ${formatDate(vital.takenAt, 'medium', this.session.datePreferences())} will be removed.`,
      confirmLabel: 'Yes, delete',
      danger: true,
    });
    if (!ok) return;
    this.deleting.set(vital.id);
    this.api.remove(vital.id).subscribe({
      next: () => {
        this.deleting.set(null);
        this.list.remove((v) => v.id === vital.id);
        this.toasts.success('Reading deleted.');
      },
      error: (err: unknown) => {
        this.deleting.set(null);
        this.toasts.failure(err, 'The reading could not be deleted.');
      },
    });
  }
}

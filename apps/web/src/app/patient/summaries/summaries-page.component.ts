import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import type { SummaryDto } from '@cloudvault/contracts';
import { errorMessage } from '../../core/http/api-error';
import { ToastService } from '../../core/toast/toast.service';
import { CursorList } from '../../shared/paging/cursor-list';
import { EmptyStateComponent } from '../../shared/state/empty-state.component';
import { ErrorStateComponent } from '../../shared/state/error-state.component';
import { LoadingStateComponent } from '../../shared/state/loading-state.component';
import { PatientSummariesApiService } from './patient-summaries-api.service';
import { SummaryCardComponent } from './summary-card.component';
import { LoadMoreComponent } from '../../shared/paging/load-more.component';

/** Generate a health summary of the last 90 days, and read earlier ones (including those a doctor asked for). */
@Component({
  selector: 'cv-summaries-page',
  imports: [SummaryCardComponent, LoadingStateComponent, EmptyStateComponent, ErrorStateComponent, LoadMoreComponent],
  template: `
    <div class="page-header">
      <h1>Health summaries</h1>
      <button type="button" class="btn" (click)="generate()" [disabled]="generating()">
        {{ generating() ? 'Writing your summary…' : 'Generate summary' }}
      </button>
    </div>
    <p class="muted">
      A plain-language summary of your last 90 days of readings, medication and notes. It is not a diagnosis.
    </p>
    @if (generating()) {
      <cv-loading-state label="Writing your summary…" />
    }
    @if (list.error() && !list.loaded()) {
      <cv-error-state
        [message]="errorMessage(list.error(), 'Your summaries could not be loaded.')"
        (retry)="list.reload()"
      />
    } @else if (!list.loaded()) {
      <cv-loading-state label="Loading summaries…" />
    } @else if (list.items().length === 0 && !generating()) {
      <cv-empty-state title="No summaries yet"><p>Use "Generate summary" to get your first one.</p></cv-empty-state>
    } @else {
      @for (s of list.items(); track s.id) {
        <cv-summary-card [summary]="s" />
      }
      <cv-load-more [list]="list" label="Load older summaries" failure="Older summaries could not be loaded." />
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SummariesPageComponent {
  private readonly api = inject(PatientSummariesApiService);
  private readonly toasts = inject(ToastService);
  protected readonly list = new CursorList<SummaryDto>((cursor) => this.api.list(cursor));
  protected readonly generating = signal(false);
  protected readonly errorMessage = errorMessage;

  constructor() {
    this.list.reload();
  }

  protected generate(): void {
    this.generating.set(true);
    this.api.generate().subscribe({
      next: (summary) => {
        this.generating.set(false);
        this.list.prepend(summary);
        this.toasts.success('Your summary is ready.');
      },
      error: (err: unknown) => {
        this.generating.set(false);
        this.toasts.failure(err, 'The summary could not be generated.');
      },
    });
  }
}

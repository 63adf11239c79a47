import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import type { ConsultationDto, ConsultationStatus } from '@cloudvault/contracts';
import type { Observable } from 'rxjs';
import { errorMessage } from '../../core/http/api-error';
import { ToastService } from '../../core/toast/toast.service';
import { ConfirmService } from '../../shared/confirm/confirm.service';
import { CursorList } from '../../shared/paging/cursor-list';
import { ErrorStateComponent } from '../../shared/state/error-state.component';
import { LoadingStateComponent } from '../../shared/state/loading-state.component';
import { PatientConsultationsApiService } from './patient-consultations-api.service';
import { LoadMoreComponent } from '../../shared/paging/load-more.component';
import { DateFormatPipe } from '../../shared/pipes/date-format.pipe';

const STATUS_LABELS: Record<ConsultationStatus, string> = {
  pending: 'Pending',
  active: 'Active',
  rejected: 'Declined',
  cancelled: 'Cancelled',
  ended: 'Ended',
};
const STATUS_TONES: Record<ConsultationStatus, string> = {
  pending: 'badge-warn',
  active: 'badge-ok',
  rejected: 'badge-neutral',
  cancelled: 'badge-neutral',
  ended: 'badge-neutral',
};

/** The patient's consultations in three groups, with cancel (pending) and end (active). */
@Component({
  selector: 'cv-consultations-page',
  imports: [DateFormatPipe, RouterLink, LoadingStateComponent, ErrorStateComponent, LoadMoreComponent],
  templateUrl: './consultations-page.component.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ConsultationsPageComponent {
  private readonly api = inject(PatientConsultationsApiService);
  private readonly confirm = inject(ConfirmService);
  private readonly toasts = inject(ToastService);

  protected readonly list = new CursorList<ConsultationDto>((cursor) => this.api.list(undefined, cursor));
  protected readonly groups = computed(() => {
    const all = this.list.items();
    return [
      {
        id: 'pending',
        title: 'Pending',
        empty: 'No requests waiting for an answer.',
        items: all.filter((c) => c.status === 'pending'),
      },
      {
        id: 'active',
        title: 'Active',
        empty: 'No doctor can see your records right now.',
        items: all.filter((c) => c.status === 'active'),
      },
      {
        id: 'past',
        title: 'Past',
        empty: 'Nothing here yet.',
        items: all.filter((c) => c.status !== 'pending' && c.status !== 'active'),
      },
    ];
  });
  protected readonly busyId = signal<string | null>(null);
  protected readonly statusLabels = STATUS_LABELS;
  protected readonly statusTones = STATUS_TONES;
  protected readonly errorMessage = errorMessage;

  constructor() {
    this.list.reload();
  }

  protected async cancel(c: ConsultationDto): Promise<void> {
    const ok = await this.confirm.confirm({
      title: 'Cancel this request?',
      message: `${c.doctor.name} will no longer see your request.`,
      confirmLabel: 'Yes, cancel request',
      danger: true,
    });
    if (ok) this.change(c, this.api.cancel(c.id), 'Request cancelled.');
  }

  protected async end(c: ConsultationDto): Promise<void> {
    const ok = await this.confirm.confirm({
      title: 'End this consultation?',
      message: `${c.doctor.name} will lose access to your records at once.`,
      confirmLabel: 'Yes, end consultation',
      danger: true,
    });
    if (ok) this.change(c, this.api.end(c.id), 'Consultation ended.');
  }

  protected lastChange(c: ConsultationDto): string {
    return c.history.at(-1)?.at ?? c.updatedAt;
  }

  private change(c: ConsultationDto, call: Observable<ConsultationDto>, done: string): void {
    this.busyId.set(c.id);
    call.subscribe({
      next: (updated) => {
        this.busyId.set(null);
        this.list.items.update((all) => all.map((x) => (x.id === updated.id ? updated : x)));
        this.toasts.success(done);
      },
      error: (err: unknown) => {
        this.busyId.set(null);
        this.toasts.failure(err, 'That did not work.');
        this.list.reload();
      },
    });
  }
}

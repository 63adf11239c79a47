import { ChangeDetectionStrategy, Component, inject, type OnInit, output, signal } from '@angular/core';
import type { ConsultationDto } from '@cloudvault/contracts';
import { ToastService } from '../../core/toast/toast.service';
import { ConfirmService } from '../../shared/confirm/confirm.service';
import { EmptyStateComponent } from '../../shared/state/empty-state.component';
import { ErrorStateComponent } from '../../shared/state/error-state.component';
import { LoadingStateComponent } from '../../shared/state/loading-state.component';
import { CursorList } from '../../shared/paging/cursor-list';
import { LoadMoreComponent } from '../../shared/paging/load-more.component';
import { DoctorConsultationsApiService } from './doctor-consultations-api.service';
import { DateFormatPipe } from '../../shared/pipes/date-format.pipe';

/** Pending consultation requests addressed to the doctor, each with Accept and Reject. */
@Component({
  selector: 'cv-consultation-requests',
  imports: [DateFormatPipe, EmptyStateComponent, ErrorStateComponent, LoadingStateComponent, LoadMoreComponent],
  templateUrl: './consultation-requests.component.html',
  styleUrl: './consultation-requests.component.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ConsultationRequestsComponent implements OnInit {
  private readonly api = inject(DoctorConsultationsApiService);
  private readonly toasts = inject(ToastService);
  private readonly confirm = inject(ConfirmService);

  /** A request was accepted: the patient list has a new entry. */
  readonly accepted = output<ConsultationDto>();

  protected readonly requests = new CursorList<ConsultationDto>((cursor) => this.api.list('pending', cursor));
  /** The id of the request being answered, so its buttons are disabled meanwhile. */
  protected readonly busyId = signal<string | null>(null);

  ngOnInit(): void {
    this.requests.reload();
  }

  protected accept(request: ConsultationDto): void {
    this.busyId.set(request.id);
    this.api.accept(request.id).subscribe({
      next: (consultation) => {
        this.busyId.set(null);
        this.toasts.success(`You now care for ${request.patient.name}.`);
        this.requests.remove((r) => r.id === request.id);
        this.accepted.emit(consultation);
      },
      error: (err: unknown) => this.failed(err, 'The request could not be accepted.'),
    });
  }

  protected async reject(request: ConsultationDto): Promise<void> {
    const ok = await this.confirm.confirm({
      title: 'Reject this request?',
      message: `${request.patient.name} will see that you declined. They can ask again later.`,
      confirmLabel: 'Reject request',
      danger: true,
    });
    if (!ok) return;
    this.busyId.set(request.id);
    this.api.reject(request.id).subscribe({
      next: () => {
        this.busyId.set(null);
        this.toasts.success(`Request from ${request.patient.name} rejected.`);
        this.requests.remove((r) => r.id === request.id);
      },
      error: (err: unknown) => this.failed(err, 'The request could not be rejected.'),
    });
  }

  private failed(err: unknown, fallback: string): void {
    this.busyId.set(null);
    this.toasts.failure(err, fallback);
    // The request may have been cancelled by the patient meanwhile: show the current list.
    this.requests.reload();
  }
}

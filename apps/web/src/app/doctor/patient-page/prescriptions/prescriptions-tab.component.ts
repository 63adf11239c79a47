import { ChangeDetectionStrategy, Component, effect, inject, signal, untracked } from '@angular/core';
import type { PrescriptionDto } from '@cloudvault/contracts';
import { SessionService } from '../../../core/session/session.service';
import { ToastService } from '../../../core/toast/toast.service';
import { ConfirmService } from '../../../shared/confirm/confirm.service';
import { EmptyStateComponent } from '../../../shared/state/empty-state.component';
import { ErrorStateComponent } from '../../../shared/state/error-state.component';
import { LoadingStateComponent } from '../../../shared/state/loading-state.component';
import { CursorList } from '../../../shared/paging/cursor-list';
import { LoadMoreComponent } from '../../../shared/paging/load-more.component';
import { injectPatientId } from '../patient-id';
import { PrescriptionFormComponent } from './prescription-form.component';
import { DoctorPrescriptionsApiService } from './doctor-prescriptions-api.service';
import { DateFormatPipe } from '../../../shared/pipes/date-format.pipe';

/** The patient's prescriptions: issue a new one, cancel one you issued. */
@Component({
  selector: 'cv-prescriptions-tab',
  imports: [
    DateFormatPipe,
    PrescriptionFormComponent,
    EmptyStateComponent,
    ErrorStateComponent,
    LoadingStateComponent,
    LoadMoreComponent,
  ],
  templateUrl: './prescriptions-tab.component.html',
  styleUrl: './prescriptions-tab.component.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PrescriptionsTabComponent {
  private readonly api = inject(DoctorPrescriptionsApiService);
  private readonly toasts = inject(ToastService);
  private readonly confirm = inject(ConfirmService);
  private readonly session = inject(SessionService);

  protected readonly patientId = injectPatientId();
  protected readonly prescriptions = new CursorList<PrescriptionDto>((cursor) =>
    this.api.list(this.patientId(), cursor),
  );
  protected readonly cancellingId = signal<string | null>(null);

  constructor() {
    effect(() => {
      this.patientId();
      untracked(() => this.prescriptions.reload());
    });
  }

  protected canCancel(p: PrescriptionDto): boolean {
    return p.status === 'active' && p.doctor.id === this.session.user()?.id;
  }

  protected issued(p: PrescriptionDto): void {
    this.prescriptions.prepend(p);
  }

  protected async cancel(p: PrescriptionDto): Promise<void> {
    const names = p.medications.map((m) => m.name).join(', ');
    const ok = await this.confirm.confirm({
      title: 'Cancel this prescription?',
      message: `The patient will see that ${names} was cancelled. This cannot be undone.`,
      confirmLabel: 'Cancel prescription',
      danger: true,
    });
    if (!ok) return;
    this.cancellingId.set(p.id);
    this.api.cancel(this.patientId(), p.id).subscribe({
      next: (updated) => {
        this.cancellingId.set(null);
        this.prescriptions.replace(updated, (a, b) => a.id === b.id);
        this.toasts.success('Prescription cancelled.');
      },
      error: (err: unknown) => {
        this.cancellingId.set(null);
        this.toasts.failure(err, 'The prescription could not be cancelled.');
      },
    });
  }
}

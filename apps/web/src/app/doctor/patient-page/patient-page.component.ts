import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { Router, RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import type { PatientProfileDto } from '@cloudvault/contracts';
import { httpStatus } from '../../core/http/api-error';
import { ToastService } from '../../core/toast/toast.service';
import { ConfirmService } from '../../shared/confirm/confirm.service';
import { ErrorStateComponent } from '../../shared/state/error-state.component';
import { LoadingStateComponent } from '../../shared/state/loading-state.component';
import { DoctorConsultationsApiService } from '../consultations/doctor-consultations-api.service';
import { DoctorPatientsApiService } from '../patients/doctor-patients-api.service';
import { DateFormatPipe } from '../../shared/pipes/date-format.pipe';

/** The tabs of a patient's page, each a lazy child route. */
export const PATIENT_TABS = [
  { path: 'vitals', label: 'Vitals' },
  { path: 'files', label: 'Files' },
  { path: 'notes', label: 'Notes' },
  { path: 'prescriptions', label: 'Prescriptions' },
  { path: 'summaries', label: 'AI summaries' },
  { path: 'messages', label: 'Messages' },
] as const;

/**
 * One patient in the doctor's care: their profile, the record tabs and "End consultation". When the care
 * relationship is over (403) or the patient is unknown (404), the page says so instead of showing the tabs.
 */
@Component({
  selector: 'cv-patient-page',
  imports: [DateFormatPipe, RouterLink, RouterLinkActive, RouterOutlet, ErrorStateComponent, LoadingStateComponent],
  templateUrl: './patient-page.component.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PatientPageComponent {
  private readonly patients = inject(DoctorPatientsApiService);
  private readonly consultations = inject(DoctorConsultationsApiService);
  private readonly confirm = inject(ConfirmService);
  private readonly toasts = inject(ToastService);
  private readonly router = inject(Router);

  /** Route parameter (component input binding). */
  readonly patientId = input.required<string>();

  protected readonly tabs = PATIENT_TABS;
  protected readonly profile = rxResource({
    params: () => this.patientId(),
    stream: ({ params }) => this.patients.get(params),
  });
  /** No (longer any) access to this patient: 403, 404, or 400 for an address that is not a patient id. */
  protected readonly noAccess = computed(() => {
    const status = httpStatus(this.profile.error());
    return status === 400 || status === 403 || status === 404;
  });
  protected readonly ending = signal(false);

  protected async endConsultation(patient: PatientProfileDto): Promise<void> {
    const ok = await this.confirm.confirm({
      title: 'End this consultation?',
      message: `You will lose access to ${patient.name}'s records at once. The patient can ask you again later.`,
      confirmLabel: 'End consultation',
      danger: true,
    });
    if (!ok) return;
    this.ending.set(true);
    this.consultations.end(patient.consultationId).subscribe({
      next: () => {
        this.ending.set(false);
        this.toasts.success(`Consultation with ${patient.name} ended.`);
        void this.router.navigateByUrl('/doctor');
      },
      error: (err: unknown) => {
        this.ending.set(false);
        this.toasts.failure(err, 'The consultation could not be ended.');
        this.profile.reload();
      },
    });
  }
}

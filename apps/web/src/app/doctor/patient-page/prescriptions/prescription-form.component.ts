import { ChangeDetectionStrategy, Component, inject, input, output, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MEDICATION_ROUTE_VALUES, PRESCRIPTION_LIMITS, type PrescriptionDto } from '@cloudvault/contracts';
import { ToastService } from '../../../core/toast/toast.service';
import { FieldErrorComponent } from '../../../shared/forms/field-error.component';
import { applyServerErrors, controlMessage } from '../../../shared/forms/form-errors';
import { medicationGroup, prescriptionForm, toCreatePrescription } from './prescription-form';
import { DoctorPrescriptionsApiService } from './doctor-prescriptions-api.service';

/** Issues a prescription: one or more medications (name, dose, frequency, route, duration) and instructions. */
@Component({
  selector: 'cv-prescription-form',
  imports: [ReactiveFormsModule, FieldErrorComponent],
  templateUrl: './prescription-form.component.html',
  styleUrl: './prescription-form.component.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PrescriptionFormComponent {
  private readonly api = inject(DoctorPrescriptionsApiService);
  private readonly toasts = inject(ToastService);
  private readonly fb = inject(NonNullableFormBuilder);

  readonly patientId = input.required<string>();
  readonly issued = output<PrescriptionDto>();

  protected readonly routes = MEDICATION_ROUTE_VALUES;
  protected readonly limits = PRESCRIPTION_LIMITS;
  protected readonly form = prescriptionForm(this.fb);
  protected readonly medications = this.form.controls.medications;
  protected readonly saving = signal(false);
  protected readonly formErrors = signal<string[]>([]);
  protected readonly message = controlMessage;

  protected addMedication(): void {
    if (this.medications.length < PRESCRIPTION_LIMITS.medicationsMax) this.medications.push(medicationGroup(this.fb));
  }

  protected removeMedication(index: number): void {
    if (this.medications.length > 1) this.medications.removeAt(index);
  }

  protected submit(): void {
    this.form.markAllAsTouched();
    if (this.form.invalid || this.saving()) return;
    this.saving.set(true);
    this.formErrors.set([]);
    this.api.issue(this.patientId(), toCreatePrescription(this.form)).subscribe({
      next: (prescription) => {
        this.saving.set(false);
        this.toasts.success('Prescription issued.');
        this.medications.clear();
        this.medications.push(medicationGroup(this.fb));
        this.form.reset();
        this.issued.emit(prescription);
      },
      error: (err: unknown) => {
        this.saving.set(false);
        this.formErrors.set(applyServerErrors(this.form, err));
        this.toasts.failure(err, 'The prescription could not be issued.');
      },
    });
  }
}

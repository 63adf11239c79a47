import {
  type FormArray,
  type FormControl,
  type FormGroup,
  type NonNullableFormBuilder,
  Validators,
} from '@angular/forms';
import {
  type CreatePrescriptionDto,
  type MedicationDto,
  type MedicationRoute,
  PRESCRIPTION_LIMITS,
} from '@cloudvault/contracts';

export type MedicationForm = FormGroup<{
  name: FormControl<string>;
  dose: FormControl<string>;
  frequency: FormControl<string>;
  route: FormControl<MedicationRoute | ''>;
  durationDays: FormControl<number | null>;
}>;

export type PrescriptionForm = FormGroup<{
  medications: FormArray<MedicationForm>;
  instructions: FormControl<string>;
}>;

/** One medication row; the validators mirror CreatePrescriptionDto's. */
export function medicationGroup(fb: NonNullableFormBuilder): MedicationForm {
  return fb.group({
    name: ['', [Validators.required, Validators.maxLength(PRESCRIPTION_LIMITS.nameMaxLength)]],
    dose: ['', [Validators.required, Validators.maxLength(PRESCRIPTION_LIMITS.doseMaxLength)]],
    frequency: ['', [Validators.required, Validators.maxLength(PRESCRIPTION_LIMITS.frequencyMaxLength)]],
    route: fb.control<MedicationRoute | ''>('oral'),
    durationDays: fb.control<number | null>(null, [
      Validators.min(1),
      Validators.max(PRESCRIPTION_LIMITS.durationDaysMax),
    ]),
  });
}

export function prescriptionForm(fb: NonNullableFormBuilder): PrescriptionForm {
  return fb.group({
    medications: fb.array([medicationGroup(fb)]),
    instructions: ['', [Validators.maxLength(PRESCRIPTION_LIMITS.instructionsMaxLength)]],
  });
}

/** The request body: trimmed text, optional fields left out when empty. */
export function toCreatePrescription(form: PrescriptionForm): CreatePrescriptionDto {
  const medications = form.controls.medications.controls.map((group): MedicationDto => {
    const v = group.getRawValue();
    return {
      name: v.name.trim(),
      dose: v.dose.trim(),
      frequency: v.frequency.trim(),
      ...(v.route ? { route: v.route } : {}),
      ...(v.durationDays !== null && String(v.durationDays) !== '' ? { durationDays: Number(v.durationDays) } : {}),
    };
  });
  return { medications, instructions: form.controls.instructions.value.trim() };
}

import {
  type AbstractControl,
  FormArray,
  FormControl,
  FormGroup,
  type ValidationErrors,
  type ValidatorFn,
  Validators,
} from '@angular/forms';
import {
  type AllergySeverity,
  CLINICAL_LIST_MAX,
  CLINICAL_PHONE_MAX_LENGTH,
  CLINICAL_TEXT_MAX_LENGTH,
  type ClinicalProfileDto,
  type Sex,
  type UpdateClinicalProfileDto,
} from '@cloudvault/contracts';

/* The health profile form: its shape, validators mirroring the API's (CONTRACT.md, clinical-profile.dto.ts), and
   the mapping to and from the wire. */

const PHONE_PATTERN = /^[+0-9 ().-]+$/;
const text = (required: boolean) => [
  ...(required ? [Validators.required] : []),
  Validators.maxLength(CLINICAL_TEXT_MAX_LENGTH),
  notBlank,
];

/** Today as `YYYY-MM-DD` in UTC: the API's bound for a date of birth. */
export function todayUtc(now = new Date()): string {
  return now.toISOString().slice(0, 10);
}

/** A real calendar day `YYYY-MM-DD` from 1900 to today (UTC); empty is left to `required`. */
export function pastDate(now: () => Date = () => new Date()): ValidatorFn {
  return (control: AbstractControl): ValidationErrors | null => {
    const value = String(control.value ?? '');
    if (!value) return null;
    const day = new Date(`${value}T00:00:00Z`);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(day.getTime()) || day.toISOString().slice(0, 10) !== value)
      return { message: 'Enter a valid date.' };
    if (value > todayUtc(now())) return { message: 'The date cannot be in the future.' };
    if (value < '1900-01-01') return { message: 'The date cannot be before 1900.' };
    return null;
  };
}

/** Text that is only spaces would be trimmed to nothing by the API. */
export const notBlank: ValidatorFn = (control) =>
  typeof control.value === 'string' && control.value.length > 0 && control.value.trim() === ''
    ? { required: true }
    : null;

/** At most `max` rows in a list. */
export function maxEntries(max = CLINICAL_LIST_MAX): ValidatorFn {
  return (control) =>
    control instanceof FormArray && control.length > max ? { message: `At most ${max} entries.` } : null;
}

/** An emergency contact is all or nothing: once any field is filled, name and phone are required. */
export const contactComplete: ValidatorFn = (group) => {
  const g = group as FormGroup<EmergencyContactControls>;
  const { name, phone, relation } = g.getRawValue();
  const any = [name, phone, relation].some((v) => v.trim() !== '');
  const errors: ValidationErrors = {};
  if (any && !name.trim()) errors['nameRequired'] = true;
  if (any && !phone.trim()) errors['phoneRequired'] = true;
  return Object.keys(errors).length ? errors : null;
};

/** "No known allergies" cannot be ticked while allergies are listed. */
export const noKnownAllergiesConsistent: ValidatorFn = (group) => {
  const g = group as HealthProfileForm;
  return g.controls.noKnownAllergies.value && g.controls.allergies.length > 0
    ? { message: 'Remove the listed allergies or untick "No known allergies".' }
    : null;
};

export type AllergyForm = FormGroup<{
  substance: FormControl<string>;
  reaction: FormControl<string>;
  severity: FormControl<AllergySeverity | ''>;
}>;
interface EmergencyContactControls {
  name: FormControl<string>;
  phone: FormControl<string>;
  relation: FormControl<string>;
}
export type HealthProfileForm = FormGroup<{
  dateOfBirth: FormControl<string>;
  sex: FormControl<Sex | ''>;
  noKnownAllergies: FormControl<boolean>;
  allergies: FormArray<AllergyForm>;
  conditions: FormArray<FormControl<string>>;
  medications: FormArray<FormControl<string>>;
  emergencyContact: FormGroup<EmergencyContactControls>;
}>;

export function allergyGroup(a?: { substance?: string; reaction?: string; severity?: AllergySeverity }): AllergyForm {
  return new FormGroup({
    substance: new FormControl(a?.substance ?? '', { nonNullable: true, validators: text(true) }),
    reaction: new FormControl(a?.reaction ?? '', { nonNullable: true, validators: text(false) }),
    severity: new FormControl<AllergySeverity | ''>(a?.severity ?? '', { nonNullable: true }),
  });
}

export function entryControl(value = ''): FormControl<string> {
  return new FormControl(value, { nonNullable: true, validators: text(true) });
}

export function healthProfileForm(now: () => Date = () => new Date()): HealthProfileForm {
  return new FormGroup(
    {
      dateOfBirth: new FormControl('', { nonNullable: true, validators: pastDate(now) }),
      sex: new FormControl<Sex | ''>('', { nonNullable: true }),
      noKnownAllergies: new FormControl(false, { nonNullable: true }),
      allergies: new FormArray<AllergyForm>([], maxEntries()),
      conditions: new FormArray<FormControl<string>>([], maxEntries()),
      medications: new FormArray<FormControl<string>>([], maxEntries()),
      emergencyContact: new FormGroup(
        {
          name: new FormControl('', { nonNullable: true, validators: text(false) }),
          phone: new FormControl('', {
            nonNullable: true,
            validators: [
              Validators.minLength(3),
              Validators.maxLength(CLINICAL_PHONE_MAX_LENGTH),
              Validators.pattern(PHONE_PATTERN),
            ],
          }),
          relation: new FormControl('', { nonNullable: true, validators: text(false) }),
        },
        contactComplete,
      ),
    },
    noKnownAllergiesConsistent,
  );
}

/** "No known allergies" can only be ticked while no allergy is listed: unticked and disabled otherwise. */
export function syncNoKnownAllergies(form: HealthProfileForm): void {
  const box = form.controls.noKnownAllergies;
  if (form.controls.allergies.length > 0) {
    box.setValue(false);
    box.disable();
  } else {
    box.enable();
  }
}

/** Fills the form with a saved profile (rows rebuilt). */
export function fillHealthProfile(form: HealthProfileForm, p: ClinicalProfileDto): void {
  const c = form.controls;
  c.allergies.clear();
  p.allergies.forEach((a) => c.allergies.push(allergyGroup(a)));
  c.conditions.clear();
  p.conditions.forEach((x) => c.conditions.push(entryControl(x)));
  c.medications.clear();
  p.medications.forEach((x) => c.medications.push(entryControl(x)));
  form.patchValue({
    dateOfBirth: p.dateOfBirth ?? '',
    sex: p.sex ?? '',
    noKnownAllergies: p.noKnownAllergies === true,
    emergencyContact: {
      name: p.emergencyContact?.name ?? '',
      phone: p.emergencyContact?.phone ?? '',
      relation: p.emergencyContact?.relation ?? '',
    },
  });
  syncNoKnownAllergies(form);
}

/** The PUT body: trimmed, empty optional fields left out. */
export function toClinicalDto(form: HealthProfileForm): UpdateClinicalProfileDto {
  const v = form.getRawValue();
  const contact = v.emergencyContact;
  const body: UpdateClinicalProfileDto = {
    allergies: v.allergies.map((a) => ({
      substance: a.substance.trim(),
      ...(a.reaction.trim() ? { reaction: a.reaction.trim() } : {}),
      ...(a.severity ? { severity: a.severity } : {}),
    })),
    noKnownAllergies: v.allergies.length === 0 && v.noKnownAllergies,
    conditions: v.conditions.map((x) => x.trim()),
    medications: v.medications.map((x) => x.trim()),
  };
  if (v.dateOfBirth) body.dateOfBirth = v.dateOfBirth;
  if (v.sex) body.sex = v.sex;
  if (contact.name.trim() || contact.phone.trim()) {
    body.emergencyContact = {
      name: contact.name.trim(),
      phone: contact.phone.trim(),
      ...(contact.relation.trim() ? { relation: contact.relation.trim() } : {}),
    };
  }
  return body;
}

import type { AbstractControl, ValidationErrors, ValidatorFn } from '@angular/forms';
import { VITAL_RANGES, VITAL_TAKEN_AT_MAX_SKEW_MS, type NumericRange, type VitalType } from '@cloudvault/contracts';

/** The plausible range of a field, from the same constants the API validates with. */
export function rangeFor(
  type: VitalType,
  field: 'systolic' | 'diastolic' | 'value',
  unit?: string,
): NumericRange | null {
  const ranges: Record<string, NumericRange> = VITAL_RANGES[type];
  if (type === 'blood_pressure') return ranges[field] ?? null;
  if (field !== 'value') return null;
  return ranges['value'] ?? (unit ? (ranges[unit] ?? null) : null);
}

/** Checks one number against its range; the message says the bounds, in the unit the user chose. */
export function inRange(range: NumericRange | null, unitLabel = ''): ValidatorFn {
  return (control: AbstractControl): ValidationErrors | null => {
    const raw: unknown = control.value;
    if (raw === null || raw === undefined || raw === '') return null;
    const n = typeof raw === 'number' ? raw : Number(raw);
    if (!Number.isFinite(n)) return { message: 'Enter a number.' };
    if (range && (n < range.min || n > range.max)) {
      return { message: `Must be between ${range.min} and ${range.max}${unitLabel ? ' ' + unitLabel : ''}.` };
    }
    return null;
  };
}

/** Diastolic pressure must be below systolic (group validator; the error goes on the diastolic field). */
export const diastolicBelowSystolic: ValidatorFn = (group: AbstractControl): ValidationErrors | null => {
  const systolic = group.get('systolic')?.value as number | null;
  const diastolic = group.get('diastolic');
  if (!diastolic || systolic === null || diastolic.value === null || diastolic.value === '') return null;
  if (Number(diastolic.value) >= Number(systolic)) {
    diastolic.setErrors({ ...(diastolic.errors ?? {}), message: 'Diastolic must be lower than systolic.' });
    return { diastolicBelowSystolic: true };
  }
  return null;
};

/** A `datetime-local` value that is not in the future (a few minutes of clock skew allowed). */
export const notInFuture: ValidatorFn = (control: AbstractControl): ValidationErrors | null => {
  if (!control.value) return null;
  const t = new Date(String(control.value)).getTime();
  if (Number.isNaN(t)) return { message: 'Enter a valid date and time.' };
  return t > Date.now() + VITAL_TAKEN_AT_MAX_SKEW_MS ? { message: 'The time cannot be in the future.' } : null;
};

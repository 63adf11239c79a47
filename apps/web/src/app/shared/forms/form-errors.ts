import type { AbstractControl, FormGroup } from '@angular/forms';
import { errorMessage, fieldErrors } from '../../core/http/api-error';

/** The first message for a control's errors, once the user has touched it (or tried to submit). */
export function controlMessage(control: AbstractControl | null, label: string): string | null {
  if (!control || !control.invalid || !(control.touched || control.dirty)) return null;
  const e = control.errors ?? {};
  if (e['server']) return String(e['server']);
  if (e['required']) return `${label} is required.`;
  if (e['email']) return 'Enter a valid email address.';
  if (e['minlength']) return `${label} must be at least ${e['minlength'].requiredLength} characters.`;
  if (e['maxlength']) return `${label} must be at most ${e['maxlength'].requiredLength} characters.`;
  if (e['min']) return `${label} must be at least ${e['min'].min}.`;
  if (e['max']) return `${label} must be at most ${e['max'].max}.`;
  if (e['pattern']) return `${label} has the wrong format.`;
  if (e['message']) return String(e['message']);
  return `${label} is not valid.`;
}

/**
 * Puts the API's per-field messages (400 `details`) on the matching controls and returns the messages that
 * match no control, for a form-level alert. A control's server error clears as soon as its value changes.
 */
export function applyServerErrors(form: FormGroup, err: unknown): string[] {
  const unmatched: string[] = [];
  for (const detail of fieldErrors(err)) {
    const control = form.get(detail.field);
    if (control) {
      control.setErrors({ ...(control.errors ?? {}), server: detail.message });
      control.markAsTouched();
    } else {
      unmatched.push(detail.field ? `${detail.field}: ${detail.message}` : detail.message);
    }
  }
  return unmatched;
}

/**
 * Applies the API's field errors to the form and returns what the form-level alert should say: the messages no
 * field can show, the API's message when it sent no field details, or null when every problem sits on a field.
 */
export function serverFormAlert(form: FormGroup, err: unknown, fallback?: string): string | null {
  const hadDetails = fieldErrors(err).length > 0;
  const unmatched = applyServerErrors(form, err);
  if (unmatched.length) return unmatched.join(' ');
  return hadDetails ? null : errorMessage(err, fallback);
}

import { HttpErrorResponse } from '@angular/common/http';
import type { ApiError } from '@cloudvault/contracts';

export type FieldError = NonNullable<ApiError['details']>[number];

function isApiError(value: unknown): value is ApiError {
  return typeof value === 'object' && value !== null && typeof (value as ApiError).message === 'string';
}

/** A human sentence for any failed request, in the words of the API when it gave some. */
export function errorMessage(err: unknown, fallback = 'Something went wrong. Please try again.'): string {
  if (err instanceof HttpErrorResponse) {
    if (err.status === 0) return 'The server cannot be reached. Check your connection and try again.';
    if (isApiError(err.error)) return err.error.message;
    if (err.status === 413) return 'The file is too large.';
    if (err.status === 415) return 'This type of file is not allowed.';
    if (err.status === 429) return 'Too many attempts. Please wait a moment and try again.';
    if (err.status >= 500) return 'The service is temporarily unavailable. Please try again shortly.';
  }
  return fallback;
}

/** The per-field messages (400 `details`) of a failed request, or an empty list. */
export function fieldErrors(err: unknown): FieldError[] {
  if (err instanceof HttpErrorResponse && isApiError(err.error) && Array.isArray(err.error.details)) {
    return err.error.details.filter((d) => typeof d?.field === 'string' && typeof d?.message === 'string');
  }
  return [];
}

export function httpStatus(err: unknown): number | null {
  return err instanceof HttpErrorResponse ? err.status : null;
}

/** Failures the error interceptor already reported with a toast (unreachable, rate limited, dependency down). */
export function isGloballyReported(err: unknown): boolean {
  return err instanceof HttpErrorResponse && (err.status === 0 || err.status === 429 || err.status >= 500);
}

/** The server refused the refresh cookie (missing, expired, reused or revoked), as opposed to failing. */
export function isSessionRefused(err: unknown): boolean {
  return err instanceof HttpErrorResponse && (err.status === 400 || err.status === 401 || err.status === 403);
}

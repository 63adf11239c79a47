import { HttpErrorResponse, type HttpInterceptorFn } from '@angular/common/http';
import { inject } from '@angular/core';
import { catchError, throwError } from 'rxjs';
import { ToastService } from '../toast/toast.service';

/**
 * Failures no screen can fix itself get one toast here: the server unreachable, rate limiting, or a dependency
 * down. Screens still receive the error to show their own error state; 4xx answers are theirs to explain.
 */
export const errorInterceptor: HttpInterceptorFn = (req, next) => {
  const toasts = inject(ToastService);
  return next(req).pipe(
    catchError((err: unknown) => {
      if (err instanceof HttpErrorResponse) {
        if (err.status === 0) toasts.error('The server cannot be reached. Check your connection and try again.');
        else if (err.status === 429) toasts.error(retryMessage(err));
        else if (err.status >= 500)
          toasts.error('The service is temporarily unavailable. Nothing was lost; please try again shortly.');
      }
      return throwError(() => err);
    }),
  );
};

function retryMessage(err: HttpErrorResponse): string {
  const seconds = Number(err.headers.get('Retry-After'));
  return Number.isFinite(seconds) && seconds > 0
    ? `Too many attempts. Please wait ${Math.ceil(seconds / 60) > 1 ? `${Math.ceil(seconds / 60)} minutes` : `${seconds} seconds`} and try again.`
    : 'Too many attempts. Please wait a moment and try again.';
}

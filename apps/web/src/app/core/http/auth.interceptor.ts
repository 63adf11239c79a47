import { HttpErrorResponse, type HttpInterceptorFn, type HttpRequest } from '@angular/common/http';
import { inject } from '@angular/core';
import { Router } from '@angular/router';
import { catchError, switchMap, throwError } from 'rxjs';
import { SessionService } from '../session/session.service';
import { isSessionRefused } from './api-error';

/**
 * Public auth routes: no bearer token, and a 401 from them is an answer, not an expired session. Sign-out is one
 * of them: the refresh cookie alone ends the session, so it works after the access token expired and never
 * triggers a refresh.
 */
const PUBLIC_AUTH = ['/api/auth/login', '/api/auth/mfa', '/api/auth/refresh', '/api/auth/register', '/api/auth/logout'];

function isApi(url: string): boolean {
  return url.startsWith('/api/');
}

function withToken<T>(req: HttpRequest<T>, token: string | null): HttpRequest<T> {
  return token ? req.clone({ setHeaders: { Authorization: `Bearer ${token}` } }) : req;
}

/**
 * Attaches the in-memory access token to API calls. On a 401 it renews the token once (single-flight, shared by
 * concurrent requests) and replays the request; when renewal fails the session ends and the user is sent to
 * sign in again.
 */
export const authInterceptor: HttpInterceptorFn = (req, next) => {
  if (!isApi(req.url) || PUBLIC_AUTH.some((p) => req.url.startsWith(p))) return next(req);
  const session = inject(SessionService);
  const router = inject(Router);
  const sentWith = session.accessToken();
  return next(withToken(req, sentWith)).pipe(
    catchError((err: unknown) => {
      if (!(err instanceof HttpErrorResponse) || err.status !== 401 || sentWith === null) return throwError(() => err);
      const current = session.accessToken();
      // Another request already renewed the token while this one was in flight: replay with the new one.
      if (current !== null && current !== sentWith) return next(withToken(req, current));
      return session.refresh().pipe(
        catchError((refreshErr: unknown) => {
          // Refused: the session is over. Failing (0, 5xx): keep the page; the request fails with that error.
          if (isSessionRefused(refreshErr)) session.expire(router.url);
          return throwError(() => refreshErr);
        }),
        switchMap((token) => next(withToken(req, token))),
      );
    }),
  );
};

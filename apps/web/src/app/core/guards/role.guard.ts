import { inject } from '@angular/core';
import { type CanMatchFn, Router, type UrlSegment } from '@angular/router';
import type { Role } from '@cloudvault/contracts';
import { SessionService } from '../session/session.service';

function attemptedUrl(segments: UrlSegment[]): string {
  return '/' + segments.map((s) => s.path).join('/');
}

/**
 * Lets only users of `role` load an area (so a patient's browser never even downloads doctor code); anyone else
 * goes to their own dashboard, and a visitor to the sign-in page.
 */
export function roleGuard(role: Role): CanMatchFn {
  return (_route, segments) => {
    const session = inject(SessionService);
    const router = inject(Router);
    const user = session.user();
    if (!user) return router.createUrlTree(['/auth/login'], { queryParams: { returnUrl: attemptedUrl(segments) } });
    return user.role === role ? true : router.parseUrl(session.homeUrl());
  };
}

/** Any signed-in user (account settings). */
export const signedInGuard: CanMatchFn = (_route, segments) => {
  const session = inject(SessionService);
  return session.isSignedIn()
    ? true
    : inject(Router).createUrlTree(['/auth/login'], { queryParams: { returnUrl: attemptedUrl(segments) } });
};

/** Sign-in and registration pages: a signed-in user goes to their dashboard instead. */
export const guestGuard: CanMatchFn = () => {
  const session = inject(SessionService);
  return session.isSignedIn() ? inject(Router).parseUrl(session.homeUrl()) : true;
};

import { HttpClient } from '@angular/common/http';
import { computed, inject, Injectable, signal } from '@angular/core';
import { Router } from '@angular/router';
import {
  catchError,
  defer,
  finalize,
  firstValueFrom,
  map,
  type Observable,
  of,
  shareReplay,
  switchMap,
  tap,
  throwError,
} from 'rxjs';
import { homeUrlFor } from './home-url';
import { clearSessionHint, hasSessionHint, setSessionHint } from './session-hint';
import {
  type AuthSessionDto,
  DEFAULT_UNIT_SYSTEM,
  type MfaChallengeDto,
  type RegisteredDto,
  type RegisterDto,
  type UnitSystem,
  type UserDto,
} from '@cloudvault/contracts';
import type { LoginOutcome } from './session.models';
import { isSessionRefused } from '../http/api-error';

/**
 * The browser session. The access token lives in this service's memory only (never in Web Storage);
 * the refresh token is an HttpOnly cookie scoped to /api/auth that only the server can read, so a reload
 * restores the session with one POST /api/auth/refresh.
 */
@Injectable({ providedIn: 'root' })
export class SessionService {
  private readonly http = inject(HttpClient);
  private readonly router = inject(Router);
  private readonly token = signal<string | null>(null);
  private readonly currentUser = signal<UserDto | null>(null);
  private readonly enrolmentOnly = signal(false);
  private refreshInFlight: Observable<string> | null = null;
  private expiring = false;
  /** Tells the app's other tabs when this one signs out, so none keeps showing records after sign-out. */
  private readonly tabs = typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel('cloudvault-session');

  readonly user = this.currentUser.asReadonly();
  readonly accessToken = this.token.asReadonly();
  /** Two-factor is mandatory for this role and not set up yet: only account settings work until it is. */
  readonly mfaEnrolmentRequired = this.enrolmentOnly.asReadonly();
  readonly isSignedIn = computed(() => this.currentUser() !== null);
  readonly role = computed(() => this.currentUser()?.role ?? null);
  /** The signed-in user's unit system: a doctor sees a patient's readings in the doctor's own. */
  readonly units = computed<UnitSystem>(() => this.currentUser()?.preferences?.units ?? DEFAULT_UNIT_SYSTEM);
  /** Locale and time zone for dates (absent: the browser's). */
  readonly datePreferences = computed(() => {
    const p = this.currentUser()?.preferences;
    return { locale: p?.locale, timeZone: p?.timeZone };
  });
  readonly homeUrl = computed(() => homeUrlFor(this.role()));

  constructor() {
    this.tabs?.addEventListener('message', (event: MessageEvent<unknown>) => {
      if (event.data !== 'signed-out' || !this.isSignedIn()) return;
      this.clear();
      void this.router.navigateByUrl('/auth/login');
    });
  }

  login(email: string, password: string): Observable<LoginOutcome> {
    return this.http
      .post<AuthSessionDto | MfaChallengeDto>('/api/auth/login', { email, password }, { withCredentials: true })
      .pipe(
        switchMap((res) =>
          'mfaRequired' in res && res.mfaRequired
            ? of<LoginOutcome>({ kind: 'mfa', mfaToken: res.mfaToken })
            : this.startSession(res as AuthSessionDto).pipe(
                map((user): LoginOutcome => ({ kind: 'signed-in', user, mfaEnrolmentRequired: this.enrolmentOnly() })),
              ),
        ),
      );
  }

  completeMfa(mfaToken: string, code: string): Observable<UserDto> {
    return this.http
      .post<AuthSessionDto>('/api/auth/mfa', { mfaToken, code }, { withCredentials: true })
      .pipe(switchMap((res) => this.startSession(res)));
  }

  register(body: RegisterDto): Observable<UserDto> {
    return this.http.post<RegisteredDto>('/api/auth/register', body).pipe(map((res) => res.user));
  }

  /**
   * Exchanges the refresh cookie for a new access token. Single-flight: concurrent callers share one request,
   * because the server rotates refresh tokens and treats a second use of the same one as theft.
   */
  refresh(): Observable<string> {
    if (!this.refreshInFlight) {
      this.refreshInFlight = this.refreshRequest().pipe(
        switchMap((res) => this.startSession(res).pipe(map(() => res.accessToken))),
        catchError((err: unknown) => {
          // Only a refused refresh ends the session; an unreachable or failing server leaves it for the next try.
          if (isSessionRefused(err)) this.clear();
          return throwError(() => err);
        }),
        finalize(() => (this.refreshInFlight = null)),
        shareReplay({ bufferSize: 1, refCount: false }),
      );
    }
    return this.refreshInFlight;
  }

  /**
   * Called once at start-up: a reload keeps the user signed in when the refresh cookie is still valid. A browser
   * that never signed in (no session hint) makes no request.
   */
  restore(): Promise<void> {
    if (!hasSessionHint()) return Promise.resolve();
    return firstValueFrom(
      this.refresh().pipe(
        map(() => undefined),
        catchError(() => of(undefined)),
      ),
    );
  }

  /** Re-reads the profile (after an edit or enabling two-factor). */
  reloadUser(): Observable<UserDto> {
    return this.http.get<UserDto>('/api/me').pipe(tap((user) => this.currentUser.set(user)));
  }

  setUser(user: UserDto): void {
    this.currentUser.set(user);
  }

  /** Revokes the refresh token on the server, forgets everything locally and goes to the sign-in page. */
  signOut(): Observable<void> {
    return this.http.post<void>('/api/auth/logout', {}, { withCredentials: true }).pipe(
      catchError(() => of(undefined)),
      map(() => undefined),
      finalize(() => {
        this.clear();
        this.tabs?.postMessage('signed-out');
        void this.router.navigateByUrl('/auth/login');
      }),
    );
  }

  /** The session could not be renewed: forget it and ask the user to sign in again. */
  expire(returnUrl?: string): void {
    if (this.expiring) return;
    this.expiring = true;
    this.clear();
    void this.router.navigate(['/auth/login'], { queryParams: returnUrl ? { returnUrl, expired: 1 } : { expired: 1 } });
  }

  clear(): void {
    clearSessionHint();
    this.token.set(null);
    this.enrolmentOnly.set(false);
    this.currentUser.set(null);
  }

  /**
   * Tabs share the refresh cookie, and the server revokes the whole token family when one token is used twice:
   * two tabs refreshing at the same moment would sign the user out. A Web Lock makes tabs take turns; each then
   * sends the cookie the previous one received.
   */
  private refreshRequest(): Observable<AuthSessionDto> {
    const request = () => this.http.post<AuthSessionDto>('/api/auth/refresh', {}, { withCredentials: true });
    const locks = typeof navigator === 'undefined' ? undefined : navigator.locks;
    return locks
      ? defer(async () => await locks.request('cloudvault-refresh', () => firstValueFrom(request())))
      : request();
  }

  private startSession(res: AuthSessionDto): Observable<UserDto> {
    this.expiring = false;
    setSessionHint();
    this.token.set(res.accessToken);
    this.enrolmentOnly.set(res.mfaEnrolmentRequired === true);
    if (res.user) {
      this.currentUser.set(res.user);
      return of(res.user);
    }
    return this.reloadUser();
  }
}

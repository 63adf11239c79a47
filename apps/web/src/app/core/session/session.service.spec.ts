import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { firstValueFrom } from 'rxjs';
import { SessionService } from './session.service';

const USER = {
  id: '665f1c2e9b1e8a3d4c5b6a79',
  email: 'd@example.org',
  name: 'Dr D',
  role: 'doctor',
  mfaEnabled: true,
  createdAt: '',
  updatedAt: '',
};

describe('SessionService', () => {
  let backend: HttpTestingController;
  let sessions: SessionService;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [
        provideRouter([{ path: 'auth/login', children: [] }]),
        provideHttpClient(),
        provideHttpClientTesting(),
      ],
    });
    backend = TestBed.inject(HttpTestingController);
    sessions = TestBed.inject(SessionService);
  });

  afterEach(() => backend.verify());

  afterEach(() => {
    document.cookie = 'cv_signed_in=; Path=/; Max-Age=0';
  });

  it('restores the session from the refresh cookie on start-up', async () => {
    document.cookie = 'cv_signed_in=1; Path=/';
    const restored = sessions.restore();
    const req = backend.expectOne('/api/auth/refresh');
    expect(req.request.withCredentials).toBe(true);
    req.flush({
      accessToken: 'A',
      refreshToken: 'R',
      expiresIn: 900,
      tokenType: 'Bearer',
      mfaEnrolmentRequired: false,
      user: USER,
    });
    await restored;
    expect(sessions.user()?.name).toBe('Dr D');
    expect(sessions.homeUrl()).toBe('/doctor');
  });

  it('starts signed out when the refresh cookie is no longer valid, and forgets the hint', async () => {
    document.cookie = 'cv_signed_in=1; Path=/';
    const restored = sessions.restore();
    backend.expectOne('/api/auth/refresh').flush({ statusCode: 401 }, { status: 401, statusText: 'Unauthorized' });
    await restored;
    expect(sessions.isSignedIn()).toBe(false);
    expect(sessions.homeUrl()).toBe('/auth/login');
    expect(document.cookie).not.toContain('cv_signed_in=1');
  });

  it('makes no refresh request for a browser that never signed in (the API counts its 401 against the address)', async () => {
    await sessions.restore();
    backend.expectNone('/api/auth/refresh');
    expect(sessions.isSignedIn()).toBe(false);
  });

  it('sets the hint on sign-in, holding no token', async () => {
    const login = firstValueFrom(sessions.login('d@example.org', 'pw'));
    backend.expectOne('/api/auth/login').flush({
      accessToken: 'SECRET',
      refreshToken: 'R',
      expiresIn: 900,
      tokenType: 'Bearer',
      mfaEnrolmentRequired: false,
      user: USER,
    });
    await login;
    expect(document.cookie).toBe('cv_signed_in=1');
  });

  it('returns the two-factor challenge instead of a session', async () => {
    const outcome = firstValueFrom(sessions.login('d@example.org', 'pw'));
    backend.expectOne('/api/auth/login').flush({ mfaRequired: true, mfaToken: 'M' });
    await expect(outcome).resolves.toEqual({ kind: 'mfa', mfaToken: 'M' });
    expect(sessions.isSignedIn()).toBe(false);
    const done = firstValueFrom(sessions.completeMfa('M', '123456'));
    const req = backend.expectOne('/api/auth/mfa');
    expect(req.request.body).toEqual({ mfaToken: 'M', code: '123456' });
    req.flush({
      accessToken: 'A',
      refreshToken: 'R',
      expiresIn: 900,
      tokenType: 'Bearer',
      mfaEnrolmentRequired: false,
      user: USER,
    });
    await done;
    expect(sessions.accessToken()).toBe('A');
  });

  it('forgets everything on sign-out even when the server cannot be reached', async () => {
    const login = firstValueFrom(sessions.login('d@example.org', 'pw'));
    backend.expectOne('/api/auth/login').flush({
      accessToken: 'A',
      refreshToken: 'R',
      expiresIn: 900,
      tokenType: 'Bearer',
      mfaEnrolmentRequired: true,
      user: USER,
    });
    await login;
    expect(sessions.mfaEnrolmentRequired()).toBe(true);
    const out = firstValueFrom(sessions.signOut(), { defaultValue: undefined });
    backend.expectOne('/api/auth/logout').error(new ProgressEvent('error'));
    await out;
    expect(sessions.user()).toBeNull();
    expect(sessions.accessToken()).toBeNull();
    expect(sessions.mfaEnrolmentRequired()).toBe(false);
  });
});

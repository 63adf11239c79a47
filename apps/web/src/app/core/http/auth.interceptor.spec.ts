import { HttpClient, provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { firstValueFrom } from 'rxjs';
import { SessionService } from '../session/session.service';
import { authInterceptor } from './auth.interceptor';

const USER = {
  id: '665f1c2e9b1e8a3d4c5b6a79',
  email: 'p@example.org',
  name: 'Pat',
  role: 'patient',
  mfaEnabled: false,
  createdAt: '',
  updatedAt: '',
};
const session = (accessToken: string) => ({
  accessToken,
  refreshToken: 'r',
  expiresIn: 900,
  tokenType: 'Bearer',
  mfaEnrolmentRequired: false,
  user: USER,
});

describe('authInterceptor', () => {
  let http: HttpClient;
  let backend: HttpTestingController;
  let sessions: SessionService;

  async function signIn(token: string): Promise<void> {
    const done = firstValueFrom(sessions.login('p@example.org', 'pw'));
    backend.expectOne('/api/auth/login').flush(session(token));
    await done;
  }

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [
        provideRouter([]),
        provideHttpClient(withInterceptors([authInterceptor])),
        provideHttpClientTesting(),
      ],
    });
    http = TestBed.inject(HttpClient);
    backend = TestBed.inject(HttpTestingController);
    sessions = TestBed.inject(SessionService);
  });

  afterEach(() => backend.verify());

  it('attaches the in-memory access token to API calls only', async () => {
    await signIn('A1');
    http.get('/api/vitals').subscribe();
    http.get('https://example.org/api/x').subscribe();
    expect(backend.expectOne('/api/vitals').request.headers.get('Authorization')).toBe('Bearer A1');
    expect(backend.expectOne('https://example.org/api/x').request.headers.has('Authorization')).toBe(false);
  });

  it('never writes the token to Web Storage', async () => {
    const setItem = jest.spyOn(Storage.prototype, 'setItem');
    await signIn('A1');
    expect(setItem).not.toHaveBeenCalled();
    setItem.mockRestore();
  });

  it('refreshes once on 401 and replays the request with the new token', async () => {
    await signIn('A1');
    const result = firstValueFrom(http.get<{ ok: boolean }>('/api/vitals'));
    backend.expectOne('/api/vitals').flush({}, { status: 401, statusText: 'Unauthorized' });
    const refresh = backend.expectOne('/api/auth/refresh');
    expect(refresh.request.withCredentials).toBe(true);
    refresh.flush(session('A2'));
    const retry = backend.expectOne('/api/vitals');
    expect(retry.request.headers.get('Authorization')).toBe('Bearer A2');
    retry.flush({ ok: true });
    await expect(result).resolves.toEqual({ ok: true });
    expect(sessions.accessToken()).toBe('A2');
  });

  it('shares one refresh between concurrent 401s (the server rotates refresh tokens)', async () => {
    await signIn('A1');
    const a = firstValueFrom(http.get('/api/vitals'));
    const b = firstValueFrom(http.get('/api/files'));
    backend.expectOne('/api/vitals').flush({}, { status: 401, statusText: 'Unauthorized' });
    backend.expectOne('/api/files').flush({}, { status: 401, statusText: 'Unauthorized' });
    backend.expectOne('/api/auth/refresh').flush(session('A2'));
    backend.match('/api/vitals').forEach((r) => r.flush([1]));
    backend.match('/api/files').forEach((r) => r.flush([2]));
    await expect(a).resolves.toEqual([1]);
    await expect(b).resolves.toEqual([2]);
  });

  it('signs out and goes to sign-in when the refresh fails', async () => {
    await signIn('A1');
    const navigate = jest.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
    const result = firstValueFrom(http.get('/api/vitals'));
    backend.expectOne('/api/vitals').flush({}, { status: 401, statusText: 'Unauthorized' });
    backend
      .expectOne('/api/auth/refresh')
      .flush({ statusCode: 401, message: 'expired' }, { status: 401, statusText: 'Unauthorized' });
    await expect(result).rejects.toMatchObject({ status: 401 });
    expect(sessions.isSignedIn()).toBe(false);
    expect(sessions.accessToken()).toBeNull();
    expect(navigate).toHaveBeenCalledWith(
      ['/auth/login'],
      expect.objectContaining({ queryParams: expect.objectContaining({ expired: 1 }) }),
    );
  });

  it('passes other errors through without refreshing', async () => {
    await signIn('A1');
    const result = firstValueFrom(http.get('/api/vitals'));
    backend
      .expectOne('/api/vitals')
      .flush({ statusCode: 403, message: 'no' }, { status: 403, statusText: 'Forbidden' });
    await expect(result).rejects.toMatchObject({ status: 403 });
    backend.expectNone('/api/auth/refresh');
  });
});

describe('authInterceptor on sign-out', () => {
  // issue 13: sign-out no longer carries the access token: the refresh cookie alone ends the session
  it('signs out with the refresh cookie alone, even after the access token expired, and never refreshes', async () => {
    TestBed.configureTestingModule({
      providers: [
        provideRouter([{ path: 'auth/login', children: [] }]),
        provideHttpClient(withInterceptors([authInterceptor])),
        provideHttpClientTesting(),
      ],
    });
    const backend = TestBed.inject(HttpTestingController);
    const sessions = TestBed.inject(SessionService);
    const login = firstValueFrom(sessions.login('p@example.org', 'pw'));
    backend.expectOne('/api/auth/login').flush(session('A1'));
    await login;
    const out = firstValueFrom(sessions.signOut(), { defaultValue: undefined });
    const req = backend.expectOne('/api/auth/logout');
    expect(req.request.headers.has('Authorization')).toBe(false);
    expect(req.request.withCredentials).toBe(true);
    req.flush({}, { status: 401, statusText: 'Unauthorized' });
    await out;
    backend.expectNone('/api/auth/refresh');
    expect(sessions.isSignedIn()).toBe(false);
    backend.verify();
  });
});

describe('authInterceptor when the server is failing', () => {
  it('keeps the session when the refresh meets a 503, and fails the request with that 503', async () => {
    TestBed.configureTestingModule({
      providers: [
        provideRouter([]),
        provideHttpClient(withInterceptors([authInterceptor])),
        provideHttpClientTesting(),
      ],
    });
    const backend = TestBed.inject(HttpTestingController);
    const sessions = TestBed.inject(SessionService);
    const navigate = jest.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
    const login = firstValueFrom(sessions.login('p@example.org', 'pw'));
    backend.expectOne('/api/auth/login').flush(session('A1'));
    await login;
    const result = firstValueFrom(TestBed.inject(HttpClient).get('/api/vitals'));
    backend.expectOne('/api/vitals').flush({}, { status: 401, statusText: 'Unauthorized' });
    backend
      .expectOne('/api/auth/refresh')
      .flush({ statusCode: 503, message: 'down' }, { status: 503, statusText: 'Service Unavailable' });
    await expect(result).rejects.toMatchObject({ status: 503 });
    expect(sessions.isSignedIn()).toBe(true);
    expect(navigate).not.toHaveBeenCalled();
    backend.verify();
  });
});

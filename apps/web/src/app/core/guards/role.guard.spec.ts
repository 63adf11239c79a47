import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter, type Route, Router, type UrlSegment, UrlTree } from '@angular/router';
import { firstValueFrom } from 'rxjs';
import { SessionService } from '../session/session.service';
import { guestGuard, roleGuard } from './role.guard';

const segments = [{ path: 'doctor' }, { path: 'patients' }] as UrlSegment[];

describe('role guards', () => {
  function run(guard: ReturnType<typeof roleGuard>): unknown {
    return TestBed.runInInjectionContext(() => guard({} as Route, segments));
  }

  async function signInAs(role: 'patient' | 'doctor'): Promise<void> {
    const done = firstValueFrom(TestBed.inject(SessionService).login('x@example.org', 'pw'));
    TestBed.inject(HttpTestingController)
      .expectOne('/api/auth/login')
      .flush({
        accessToken: 'A',
        refreshToken: 'R',
        expiresIn: 900,
        tokenType: 'Bearer',
        mfaEnrolmentRequired: false,
        user: { id: '1', email: 'x', name: 'X', role, mfaEnabled: false, createdAt: '', updatedAt: '' },
      });
    await done;
  }

  function url(result: unknown): string {
    expect(result).toBeInstanceOf(UrlTree);
    return TestBed.inject(Router).serializeUrl(result as UrlTree);
  }

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting()] });
  });

  it('sends a visitor to sign in, remembering where they were going', () => {
    expect(url(run(roleGuard('doctor')))).toBe('/auth/login?returnUrl=%2Fdoctor%2Fpatients');
  });

  it('sends a patient who tries the doctor area to the patient dashboard', async () => {
    await signInAs('patient');
    expect(url(run(roleGuard('doctor')))).toBe('/patient');
    expect(run(roleGuard('patient'))).toBe(true);
  });

  it('keeps signed-in users away from the sign-in pages', async () => {
    expect(run(guestGuard)).toBe(true);
    await signInAs('doctor');
    expect(url(run(guestGuard))).toBe('/doctor');
  });
});

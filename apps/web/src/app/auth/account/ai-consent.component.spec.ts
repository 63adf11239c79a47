import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { UserDto } from '@cloudvault/contracts';
import { SessionService } from '../../core/session/session.service';
import { AiConsentComponent } from './ai-consent.component';

const USER: UserDto = {
  id: '665f1c2e9b1e8a3d4c5b6a79',
  email: 'p@example.org',
  name: 'Pat',
  role: 'patient',
  mfaEnabled: false,
  preferences: { aiFreeTextConsent: false },
  createdAt: '',
  updatedAt: '',
};

describe('AiConsentComponent', () => {
  let backend: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting()],
    });
    backend = TestBed.inject(HttpTestingController);
    TestBed.inject(SessionService).setUser(USER);
  });
  afterEach(() => backend.verify());

  const render = () => {
    const fixture = TestBed.createComponent(AiConsentComponent);
    fixture.detectChanges();
    const box = (fixture.nativeElement as HTMLElement).querySelector<HTMLInputElement>('input[type=checkbox]');
    if (!box) throw new Error('no checkbox');
    return { fixture, box };
  };

  it('shows the stored choice (off by default) with an accessible label', () => {
    const { fixture, box } = render();
    expect(box.checked).toBe(false);
    expect((fixture.nativeElement as HTMLElement).querySelector('label')?.textContent).toMatch(
      /note texts and file names/,
    );
  });

  it('saves the consent through PATCH /api/me and shows it once saved', () => {
    const { fixture, box } = render();
    box.click();
    const req = backend.expectOne({ method: 'PATCH', url: '/api/me' });
    expect(req.request.body).toEqual({ preferences: { aiFreeTextConsent: true } });
    expect(box.disabled || !box.checked).toBe(true);
    req.flush({ ...USER, preferences: { aiFreeTextConsent: true } });
    fixture.detectChanges();
    expect(box.checked).toBe(true);
    expect(TestBed.inject(SessionService).user()?.preferences.aiFreeTextConsent).toBe(true);
  });

  it('keeps showing the stored choice when saving fails', () => {
    const { fixture, box } = render();
    box.click();
    backend.expectOne('/api/me').flush({ message: 'down' }, { status: 503, statusText: 'Unavailable' });
    fixture.detectChanges();
    expect(box.checked).toBe(false);
  });
});

import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { firstValueFrom } from 'rxjs';
import { App } from './app';
import { SessionService } from './core/session/session.service';

describe('App shell', () => {
  beforeEach(async () => {
    await TestBed.configureTestingModule({
      imports: [App],
      providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting()],
    }).compileComponents();
  });

  it('renders the brand, a skip link and a main landmark', async () => {
    const fixture = TestBed.createComponent(App);
    await fixture.whenStable();
    const el = fixture.nativeElement as HTMLElement;
    expect(el.querySelector('.brand')?.textContent).toContain('CloudVault');
    expect(el.querySelector('a.skip-link')?.getAttribute('href')).toBe('#content');
    expect(el.querySelector('main#content')).not.toBeNull();
    expect(el.textContent).toContain('Sign in');
  });

  it('shows the navigation of the signed-in role and a Sign out button', async () => {
    const login = firstValueFrom(TestBed.inject(SessionService).login('p@example.org', 'pw'));
    TestBed.inject(HttpTestingController)
      .expectOne('/api/auth/login')
      .flush({
        accessToken: 'A',
        refreshToken: 'R',
        expiresIn: 900,
        tokenType: 'Bearer',
        mfaEnrolmentRequired: false,
        user: {
          id: '1',
          email: 'p@example.org',
          name: 'Pat Doe',
          role: 'patient',
          mfaEnabled: false,
          createdAt: '',
          updatedAt: '',
        },
      });
    await login;
    const fixture = TestBed.createComponent(App);
    await fixture.whenStable();
    const el = fixture.nativeElement as HTMLElement;
    const links = Array.from(el.querySelectorAll('nav a')).map((a) => a.textContent?.trim());
    expect(links).toEqual(expect.arrayContaining(['Dashboard', 'Vitals', 'Files', 'Access log', 'Account']));
    expect(el.textContent).toContain('Pat Doe');
    expect(Array.from(el.querySelectorAll('button')).some((b) => b.textContent?.trim() === 'Sign out')).toBe(true);
  });
});

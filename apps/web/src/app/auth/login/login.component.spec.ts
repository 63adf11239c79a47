import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { LoginComponent } from './login.component';

const USER = {
  id: '1',
  email: 'p@example.org',
  name: 'Pat',
  role: 'patient',
  mfaEnabled: true,
  createdAt: '',
  updatedAt: '',
};
const SESSION = {
  accessToken: 'A',
  refreshToken: 'R',
  expiresIn: 900,
  tokenType: 'Bearer',
  mfaEnrolmentRequired: false,
  user: USER,
};

describe('LoginComponent', () => {
  let el: HTMLElement;
  let backend: HttpTestingController;
  let navigate: jest.SpyInstance;
  let stable: () => Promise<void>;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      imports: [LoginComponent],
      providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting()],
    });
    const fixture = TestBed.createComponent(LoginComponent);
    fixture.componentRef.setInput('returnUrl', '/patient/files');
    el = fixture.nativeElement as HTMLElement;
    backend = TestBed.inject(HttpTestingController);
    navigate = jest.spyOn(TestBed.inject(Router), 'navigateByUrl').mockResolvedValue(true);
    stable = () => fixture.whenStable();
    await stable();
  });

  function type(id: string, value: string): void {
    const input = el.querySelector<HTMLInputElement>(`#${id}`);
    if (!input) throw new Error(`no #${id}`);
    input.value = value;
    input.dispatchEvent(new Event('input'));
  }

  function press(name: string): void {
    const button = Array.from(el.querySelectorAll('button')).find((b) => b.textContent?.trim() === name);
    if (!button) throw new Error(`no button ${name}`);
    button.click();
  }

  it('asks for the second factor, explains a wrong code, then goes where the user was heading', async () => {
    type('login-email', 'p@example.org');
    type('login-password', 'a long passphrase');
    press('Sign in');
    backend.expectOne('/api/auth/login').flush({ mfaRequired: true, mfaToken: 'M' });
    await stable();
    expect(el.querySelector('label[for=mfa-code]')?.textContent).toBe('Authentication code');

    type('mfa-code', '000000');
    press('Verify');
    backend
      .expectOne('/api/auth/mfa')
      .flush(
        { statusCode: 401, error: 'Unauthorized', message: 'Invalid code' },
        { status: 401, statusText: 'Unauthorized' },
      );
    await stable();
    expect(el.querySelector('[role=alert]')?.textContent).toContain('That code is not valid');
    expect(navigate).not.toHaveBeenCalled();

    type('mfa-code', '123456');
    press('Verify');
    const req = backend.expectOne('/api/auth/mfa');
    expect(req.request.body).toEqual({ mfaToken: 'M', code: '123456' });
    req.flush(SESSION);
    await stable();
    expect(navigate).toHaveBeenCalledWith('/patient/files');
  });

  it('says plainly when the email or password is wrong, without naming which', async () => {
    type('login-email', 'p@example.org');
    type('login-password', 'wrong');
    press('Sign in');
    backend
      .expectOne('/api/auth/login')
      .flush(
        { statusCode: 401, error: 'Unauthorized', message: 'Invalid credentials' },
        { status: 401, statusText: 'Unauthorized' },
      );
    await stable();
    expect(el.querySelector('[role=alert]')?.textContent).toContain('The email or password is not correct.');
  });
});

import { HttpErrorResponse } from '@angular/common/http';
import { FormControl, FormGroup } from '@angular/forms';
import { controlMessage, serverFormAlert } from './form-errors';

function apiError(status: number, body: object): HttpErrorResponse {
  return new HttpErrorResponse({ status, error: body });
}

describe('form errors', () => {
  const form = () => new FormGroup({ email: new FormControl(''), password: new FormControl('') });

  it('puts each API detail on its field and keeps the form alert for what no field shows', () => {
    const f = form();
    const alert = serverFormAlert(
      f,
      apiError(400, {
        statusCode: 400,
        message: 'Validation failed',
        details: [
          { field: 'password', message: 'password is too common' },
          { field: 'role', message: 'role must be one of patient, doctor' },
        ],
      }),
    );
    expect(controlMessage(f.controls.password, 'Password')).toBe('password is too common');
    expect(alert).toBe('role: role must be one of patient, doctor');
  });

  it('shows no generic alert when every detail found its field', () => {
    const f = form();
    expect(
      serverFormAlert(
        f,
        apiError(400, {
          statusCode: 400,
          message: 'Validation failed',
          details: [{ field: 'email', message: 'email must be a valid email address' }],
        }),
      ),
    ).toBeNull();
  });

  it("uses the API's message when it sent no details, and clears a field's server error once edited", () => {
    const f = form();
    expect(
      serverFormAlert(f, apiError(409, { statusCode: 409, error: 'Conflict', message: 'Email already registered' })),
    ).toBe('Email already registered');
    serverFormAlert(
      f,
      apiError(400, { statusCode: 400, message: 'x', details: [{ field: 'email', message: 'taken' }] }),
    );
    expect(f.controls.email.errors).toEqual({ server: 'taken' });
    f.controls.email.setValue('new@example.org');
    expect(f.controls.email.errors).toBeNull();
  });
});

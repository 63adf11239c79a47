import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { ForgotPasswordAcceptedDto, ResetPasswordDto } from '@cloudvault/contracts';
import type { Observable } from 'rxjs';

/** Password reset by email: ask for a link, then set a new password with its token. */
@Injectable({ providedIn: 'root' })
export class PasswordResetApiService {
  private readonly http = inject(HttpClient);

  forgot(email: string): Observable<ForgotPasswordAcceptedDto> {
    return this.http.post<ForgotPasswordAcceptedDto>('/api/auth/password/forgot', { email });
  }

  reset(body: ResetPasswordDto): Observable<void> {
    return this.http.post<void>('/api/auth/password/reset', body);
  }
}

import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type {
  ChangePasswordDto,
  DeleteAccountDto,
  DisableMfaDto,
  MfaRecoveryCodesDto,
  MfaSetupDto,
  UpdateMeDto,
  UserDto,
} from '@cloudvault/contracts';
import type { Observable } from 'rxjs';

/** The signed-in user's own account: profile, password, two-factor sign-in, record export and deletion. */
@Injectable({ providedIn: 'root' })
export class AccountApiService {
  private readonly http = inject(HttpClient);

  me(): Observable<UserDto> {
    return this.http.get<UserDto>('/api/me');
  }

  updateProfile(body: UpdateMeDto): Observable<UserDto> {
    return this.http.patch<UserDto>('/api/me', body);
  }

  changePassword(body: ChangePasswordDto): Observable<void> {
    return this.http.post<void>('/api/me/password', body);
  }

  setupMfa(): Observable<MfaSetupDto> {
    return this.http.post<MfaSetupDto>('/api/me/mfa/setup', {});
  }

  enableMfa(code: string): Observable<MfaRecoveryCodesDto> {
    return this.http.post<MfaRecoveryCodesDto>('/api/me/mfa/enable', { code });
  }

  disableMfa(body: DisableMfaDto): Observable<void> {
    return this.http.post<void>('/api/me/mfa/disable', body);
  }

  /** My record as a FHIR R4 Bundle (a JSON file). */
  exportRecord(): Observable<Blob> {
    return this.http.get('/api/me/export', { responseType: 'blob' });
  }

  deleteAccount(body: DeleteAccountDto): Observable<void> {
    return this.http.delete<void>('/api/me', { body });
  }
}

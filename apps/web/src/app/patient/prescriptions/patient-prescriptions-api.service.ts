import { HttpClient, HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { PrescriptionPageDto } from '@cloudvault/contracts';
import type { Observable } from 'rxjs';

/** Prescriptions the patient's doctors issued. */
@Injectable({ providedIn: 'root' })
export class PatientPrescriptionsApiService {
  private readonly http = inject(HttpClient);

  list(cursor?: string, limit = 25): Observable<PrescriptionPageDto> {
    let params = new HttpParams().set('limit', String(limit));
    if (cursor) params = params.set('cursor', cursor);
    return this.http.get<PrescriptionPageDto>('/api/prescriptions', { params });
  }
}

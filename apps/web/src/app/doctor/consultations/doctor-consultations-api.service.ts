import { HttpClient, HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { Observable } from 'rxjs';
import type { ConsultationDto, ConsultationPageDto, ConsultationStatus } from '@cloudvault/contracts';

/** The doctor's side of consultations: requests to answer, and ending a care relationship. */
@Injectable({ providedIn: 'root' })
export class DoctorConsultationsApiService {
  private readonly http = inject(HttpClient);

  list(status: ConsultationStatus, cursor?: string): Observable<ConsultationPageDto> {
    let params = new HttpParams().set('status', status);
    if (cursor) params = params.set('cursor', cursor);
    return this.http.get<ConsultationPageDto>('/api/consultations', { params });
  }

  accept(id: string): Observable<ConsultationDto> {
    return this.http.post<ConsultationDto>(`/api/consultations/${encodeURIComponent(id)}/accept`, {});
  }

  reject(id: string): Observable<ConsultationDto> {
    return this.http.post<ConsultationDto>(`/api/consultations/${encodeURIComponent(id)}/reject`, {});
  }

  end(id: string): Observable<ConsultationDto> {
    return this.http.post<ConsultationDto>(`/api/consultations/${encodeURIComponent(id)}/end`, {});
  }
}

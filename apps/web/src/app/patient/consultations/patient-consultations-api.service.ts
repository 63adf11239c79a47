import { HttpClient, HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type {
  ConsultationDto,
  ConsultationPageDto,
  ConsultationStatus,
  CreateConsultationDto,
} from '@cloudvault/contracts';
import type { Observable } from 'rxjs';

/** The patient's care relationships: request, list, cancel, end. */
@Injectable({ providedIn: 'root' })
export class PatientConsultationsApiService {
  private readonly http = inject(HttpClient);

  list(status?: ConsultationStatus, cursor?: string, limit = 100): Observable<ConsultationPageDto> {
    let params = new HttpParams().set('limit', String(limit));
    if (status) params = params.set('status', status);
    if (cursor) params = params.set('cursor', cursor);
    return this.http.get<ConsultationPageDto>('/api/consultations', { params });
  }

  request(body: CreateConsultationDto): Observable<ConsultationDto> {
    return this.http.post<ConsultationDto>('/api/consultations', body);
  }

  cancel(id: string): Observable<ConsultationDto> {
    return this.http.post<ConsultationDto>(`/api/consultations/${encodeURIComponent(id)}/cancel`, {});
  }

  end(id: string): Observable<ConsultationDto> {
    return this.http.post<ConsultationDto>(`/api/consultations/${encodeURIComponent(id)}/end`, {});
  }
}

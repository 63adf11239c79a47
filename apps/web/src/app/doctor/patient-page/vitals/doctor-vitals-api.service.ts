import { HttpClient, HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { Observable } from 'rxjs';
import type { VitalPageDto, VitalsSummaryDto, VitalType } from '@cloudvault/contracts';

export interface VitalsFilter {
  type?: VitalType;
  from?: string;
}

/** A consulting doctor's read-only view of a patient's measurements (same shapes as the patient's own). */
@Injectable({ providedIn: 'root' })
export class DoctorVitalsApiService {
  private readonly http = inject(HttpClient);

  list(patientId: string, filter: VitalsFilter, cursor?: string, limit?: number): Observable<VitalPageDto> {
    let params = new HttpParams();
    if (limit) params = params.set('limit', limit);
    if (filter.type) params = params.set('type', filter.type);
    if (filter.from) params = params.set('from', filter.from);
    if (cursor) params = params.set('cursor', cursor);
    return this.http.get<VitalPageDto>(this.base(patientId), { params });
  }

  summary(patientId: string, from?: string): Observable<VitalsSummaryDto> {
    const params = from ? new HttpParams().set('from', from) : undefined;
    return this.http.get<VitalsSummaryDto>(`${this.base(patientId)}/summary`, { params });
  }

  private base(patientId: string): string {
    return `/api/doctor/patients/${encodeURIComponent(patientId)}/vitals`;
  }
}

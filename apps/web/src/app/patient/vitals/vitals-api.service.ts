import { HttpClient, HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { CreateVitalDto, VitalDto, VitalPageDto, VitalsSummaryDto, VitalType } from '@cloudvault/contracts';
import type { Observable } from 'rxjs';

export interface VitalFilters {
  type?: VitalType;
  from?: string;
  to?: string;
}

/** The patient's own measurements. */
@Injectable({ providedIn: 'root' })
export class VitalsApiService {
  private readonly http = inject(HttpClient);

  list(filters: VitalFilters, cursor?: string, limit = 25): Observable<VitalPageDto> {
    return this.http.get<VitalPageDto>('/api/vitals', { params: params({ ...filters, cursor, limit: String(limit) }) });
  }

  summary(from?: string, to?: string): Observable<VitalsSummaryDto> {
    return this.http.get<VitalsSummaryDto>('/api/vitals/summary', { params: params({ from, to }) });
  }

  create(body: CreateVitalDto): Observable<VitalDto> {
    return this.http.post<VitalDto>('/api/vitals', body);
  }

  remove(id: string): Observable<void> {
    return this.http.delete<void>(`/api/vitals/${encodeURIComponent(id)}`);
  }
}

function params(values: Record<string, string | undefined>): HttpParams {
  let p = new HttpParams();
  for (const [key, value] of Object.entries(values)) if (value) p = p.set(key, value);
  return p;
}

import { HttpClient, HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { CreateSummaryDto, SummaryDto, SummaryPageDto } from '@cloudvault/contracts';
import type { Observable } from 'rxjs';

/** The patient's own AI health summaries. */
@Injectable({ providedIn: 'root' })
export class PatientSummariesApiService {
  private readonly http = inject(HttpClient);

  list(cursor?: string, limit = 10): Observable<SummaryPageDto> {
    let params = new HttpParams().set('limit', String(limit));
    if (cursor) params = params.set('cursor', cursor);
    return this.http.get<SummaryPageDto>('/api/summaries', { params });
  }

  generate(body: CreateSummaryDto = {}): Observable<SummaryDto> {
    return this.http.post<SummaryDto>('/api/summaries', body);
  }
}

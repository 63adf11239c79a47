import { HttpClient, HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { Observable } from 'rxjs';
import type { CreateSummaryDto, SummaryDto, SummaryPageDto } from '@cloudvault/contracts';

/** AI health summaries of one patient, generated and read by a consulting doctor. */
@Injectable({ providedIn: 'root' })
export class DoctorSummariesApiService {
  private readonly http = inject(HttpClient);

  list(patientId: string, cursor?: string): Observable<SummaryPageDto> {
    const params = cursor ? new HttpParams().set('cursor', cursor) : undefined;
    return this.http.get<SummaryPageDto>(this.base(patientId), { params });
  }

  generate(patientId: string, body: CreateSummaryDto = {}): Observable<SummaryDto> {
    return this.http.post<SummaryDto>(this.base(patientId), body);
  }

  private base(patientId: string): string {
    return `/api/doctor/patients/${encodeURIComponent(patientId)}/summaries`;
  }
}

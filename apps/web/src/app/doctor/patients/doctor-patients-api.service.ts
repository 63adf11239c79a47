import { HttpClient, HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { Observable } from 'rxjs';
import type { DoctorPatientPageDto, PatientProfileDto, WorklistSort } from '@cloudvault/contracts';

/** The doctor's worklist (patients with an active consultation) and their profiles. */
@Injectable({ providedIn: 'root' })
export class DoctorPatientsApiService {
  private readonly http = inject(HttpClient);

  list(q: string, sort: WorklistSort, cursor?: string): Observable<DoctorPatientPageDto> {
    let params = new HttpParams().set('sort', sort);
    if (q.trim()) params = params.set('q', q.trim());
    if (cursor) params = params.set('cursor', cursor);
    return this.http.get<DoctorPatientPageDto>('/api/doctor/patients', { params });
  }

  get(patientId: string): Observable<PatientProfileDto> {
    return this.http.get<PatientProfileDto>(`/api/doctor/patients/${encodeURIComponent(patientId)}`);
  }
}

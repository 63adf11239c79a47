import { HttpClient, HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { Observable } from 'rxjs';
import type {
  CancelPrescriptionDto,
  CreatePrescriptionDto,
  PrescriptionDto,
  PrescriptionPageDto,
} from '@cloudvault/contracts';

/** Prescriptions a consulting doctor issues to one patient. */
@Injectable({ providedIn: 'root' })
export class DoctorPrescriptionsApiService {
  private readonly http = inject(HttpClient);

  list(patientId: string, cursor?: string): Observable<PrescriptionPageDto> {
    const params = cursor ? new HttpParams().set('cursor', cursor) : undefined;
    return this.http.get<PrescriptionPageDto>(this.base(patientId), { params });
  }

  issue(patientId: string, body: CreatePrescriptionDto): Observable<PrescriptionDto> {
    return this.http.post<PrescriptionDto>(this.base(patientId), body);
  }

  cancel(patientId: string, id: string, body: CancelPrescriptionDto = {}): Observable<PrescriptionDto> {
    return this.http.post<PrescriptionDto>(`${this.base(patientId)}/${encodeURIComponent(id)}/cancel`, body);
  }

  private base(patientId: string): string {
    return `/api/doctor/patients/${encodeURIComponent(patientId)}/prescriptions`;
  }
}

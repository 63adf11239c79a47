import { HttpClient, HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { Observable } from 'rxjs';
import type { FilePageDto } from '@cloudvault/contracts';

/** A consulting doctor's read-only view of a patient's files. */
@Injectable({ providedIn: 'root' })
export class DoctorFilesApiService {
  private readonly http = inject(HttpClient);

  list(patientId: string, q: string, cursor?: string): Observable<FilePageDto> {
    let params = new HttpParams();
    if (q) params = params.set('q', q);
    if (cursor) params = params.set('cursor', cursor);
    return this.http.get<FilePageDto>(this.base(patientId), { params });
  }

  /** The exact bytes (authorised by the bearer token, so not a plain link). */
  content(patientId: string, fileId: string): Observable<Blob> {
    return this.http.get(`${this.base(patientId)}/${encodeURIComponent(fileId)}/content`, { responseType: 'blob' });
  }

  private base(patientId: string): string {
    return `/api/doctor/patients/${encodeURIComponent(patientId)}/files`;
  }
}

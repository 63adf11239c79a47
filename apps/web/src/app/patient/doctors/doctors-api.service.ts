import { HttpClient, HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { DoctorPageDto } from '@cloudvault/contracts';
import type { Observable } from 'rxjs';

/** The doctor directory (public profile fields only). */
@Injectable({ providedIn: 'root' })
export class DoctorsApiService {
  private readonly http = inject(HttpClient);

  search(q: string, specialty: string, cursor?: string, limit = 20): Observable<DoctorPageDto> {
    let params = new HttpParams().set('limit', String(limit));
    if (q) params = params.set('q', q);
    if (specialty) params = params.set('specialty', specialty);
    if (cursor) params = params.set('cursor', cursor);
    return this.http.get<DoctorPageDto>('/api/doctors', { params });
  }
}

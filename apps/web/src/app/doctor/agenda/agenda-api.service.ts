import { HttpClient, HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { AppointmentDto, AppointmentPageDto } from '@cloudvault/contracts';
import type { Observable } from 'rxjs';

/** The doctor's booked appointments in a period, cancelling one, its calendar file. */
@Injectable({ providedIn: 'root' })
export class AgendaApiService {
  private readonly http = inject(HttpClient);

  booked(from: string, to: string, cursor?: string): Observable<AppointmentPageDto> {
    let params = new HttpParams().set('from', from).set('to', to).set('status', 'booked').set('limit', '200');
    if (cursor) params = params.set('cursor', cursor);
    return this.http.get<AppointmentPageDto>('/api/appointments', { params });
  }

  cancel(id: string): Observable<AppointmentDto> {
    return this.http.post<AppointmentDto>(`/api/appointments/${encodeURIComponent(id)}/cancel`, {});
  }

  ics(id: string): Observable<Blob> {
    return this.http.get(`/api/appointments/${encodeURIComponent(id)}/ics`, { responseType: 'blob' });
  }
}

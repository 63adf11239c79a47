import { HttpClient, HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type {
  AppointmentDto,
  AppointmentPageDto,
  AppointmentStatus,
  CreateAppointmentDto,
  SlotListDto,
} from '@cloudvault/contracts';
import type { Observable } from 'rxjs';

/** The patient's appointments: free slots of a doctor in care, booking, rescheduling, cancelling, .ics. */
@Injectable({ providedIn: 'root' })
export class AppointmentsApiService {
  private readonly http = inject(HttpClient);

  list(query: { from?: string; status?: AppointmentStatus; cursor?: string }): Observable<AppointmentPageDto> {
    let params = new HttpParams().set('limit', '100');
    for (const [k, v] of Object.entries(query)) if (v) params = params.set(k, v);
    return this.http.get<AppointmentPageDto>('/api/appointments', { params });
  }

  slots(doctorId: string, from: string, to: string): Observable<SlotListDto> {
    const params = new HttpParams().set('from', from).set('to', to);
    return this.http.get<SlotListDto>(`/api/doctors/${encodeURIComponent(doctorId)}/slots`, { params });
  }

  book(body: CreateAppointmentDto): Observable<AppointmentDto> {
    return this.http.post<AppointmentDto>('/api/appointments', body);
  }

  reschedule(id: string, start: string): Observable<AppointmentDto> {
    return this.http.post<AppointmentDto>(`/api/appointments/${encodeURIComponent(id)}/reschedule`, { start });
  }

  cancel(id: string): Observable<AppointmentDto> {
    return this.http.post<AppointmentDto>(`/api/appointments/${encodeURIComponent(id)}/cancel`, {});
  }

  ics(id: string): Observable<Blob> {
    return this.http.get(`/api/appointments/${encodeURIComponent(id)}/ics`, { responseType: 'blob' });
  }
}

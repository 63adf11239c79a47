import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { AvailabilityDto } from '@cloudvault/contracts';
import type { Observable } from 'rxjs';

/** The doctor's weekly hours. */
@Injectable({ providedIn: 'root' })
export class AvailabilityApiService {
  private readonly http = inject(HttpClient);

  get(): Observable<AvailabilityDto> {
    return this.http.get<AvailabilityDto>('/api/doctor/availability');
  }

  save(body: AvailabilityDto): Observable<AvailabilityDto> {
    return this.http.put<AvailabilityDto>('/api/doctor/availability', body);
  }
}

import { HttpClient, HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { AccessLogPageDto } from '@cloudvault/contracts';
import type { Observable } from 'rxjs';

/** Who read or changed the patient's records. */
@Injectable({ providedIn: 'root' })
export class AccessLogApiService {
  private readonly http = inject(HttpClient);

  list(cursor?: string, limit = 50): Observable<AccessLogPageDto> {
    let params = new HttpParams().set('limit', String(limit));
    if (cursor) params = params.set('cursor', cursor);
    return this.http.get<AccessLogPageDto>('/api/access-log', { params });
  }
}

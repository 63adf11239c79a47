import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { MessageDto, MessagePageDto } from '@cloudvault/contracts';
import type { Observable } from 'rxjs';

/** The messages of one consultation (both areas use it). */
@Injectable({ providedIn: 'root' })
export class MessagesApiService {
  private readonly http = inject(HttpClient);

  private path(consultationId: string): string {
    return `/api/consultations/${encodeURIComponent(consultationId)}/messages`;
  }

  list(consultationId: string, cursor?: string, limit = 30): Observable<MessagePageDto> {
    return this.http.get<MessagePageDto>(this.path(consultationId), {
      params: cursor ? { limit, cursor } : { limit },
    });
  }

  send(consultationId: string, body: string): Observable<MessageDto> {
    return this.http.post<MessageDto>(this.path(consultationId), { body });
  }

  markRead(consultationId: string): Observable<void> {
    return this.http.post<void>(`${this.path(consultationId)}/read`, {});
  }
}

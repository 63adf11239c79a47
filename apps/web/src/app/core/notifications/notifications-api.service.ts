import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { NotificationDto, NotificationPageDto } from '@cloudvault/contracts';
import type { Observable } from 'rxjs';

/** GET /api/notifications and the read marks. */
@Injectable({ providedIn: 'root' })
export class NotificationsApiService {
  private readonly http = inject(HttpClient);

  list(limit = 20): Observable<NotificationPageDto> {
    return this.http.get<NotificationPageDto>('/api/notifications', { params: { limit } });
  }

  markRead(id: string): Observable<NotificationDto> {
    return this.http.post<NotificationDto>(`/api/notifications/${encodeURIComponent(id)}/read`, {});
  }

  markAllRead(): Observable<void> {
    return this.http.post<void>('/api/notifications/read-all', {});
  }
}

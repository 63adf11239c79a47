import { HttpClient, type HttpEvent, HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { FileDto, FilePageDto } from '@cloudvault/contracts';
import type { Observable } from 'rxjs';

export interface FileFilters {
  q?: string;
  from?: string;
  to?: string;
}

/** The patient's medical files. */
@Injectable({ providedIn: 'root' })
export class FilesApiService {
  private readonly http = inject(HttpClient);

  list(filters: FileFilters, cursor?: string, limit = 25): Observable<FilePageDto> {
    let params = new HttpParams().set('limit', String(limit));
    for (const [key, value] of Object.entries({ ...filters, cursor })) if (value) params = params.set(key, value);
    return this.http.get<FilePageDto>('/api/files', { params });
  }

  /** Multipart upload that reports progress events (the XHR backend measures the bytes sent). */
  upload(file: File, description?: string): Observable<HttpEvent<FileDto>> {
    const body = new FormData();
    if (description) body.append('description', description);
    body.append('file', file, file.name);
    return this.http.post<FileDto>('/api/files', body, { reportProgress: true, observe: 'events' });
  }

  content(id: string): Observable<Blob> {
    return this.http.get(`/api/files/${encodeURIComponent(id)}/content`, { responseType: 'blob' });
  }

  remove(id: string): Observable<void> {
    return this.http.delete<void>(`/api/files/${encodeURIComponent(id)}`);
  }
}

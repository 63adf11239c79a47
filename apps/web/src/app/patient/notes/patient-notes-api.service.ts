import { HttpClient, HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { NotePageDto } from '@cloudvault/contracts';
import type { Observable } from 'rxjs';

/** Notes the patient's doctors shared with them. */
@Injectable({ providedIn: 'root' })
export class PatientNotesApiService {
  private readonly http = inject(HttpClient);

  list(cursor?: string, limit = 25): Observable<NotePageDto> {
    let params = new HttpParams().set('limit', String(limit));
    if (cursor) params = params.set('cursor', cursor);
    return this.http.get<NotePageDto>('/api/notes', { params });
  }
}

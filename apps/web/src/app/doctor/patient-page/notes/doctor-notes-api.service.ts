import { HttpClient, HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { Observable } from 'rxjs';
import type { CreateNoteDto, NoteDto, NotePageDto, UpdateNoteDto } from '@cloudvault/contracts';

/** A consulting doctor's notes on one patient (private ones are only ever returned to their author). */
@Injectable({ providedIn: 'root' })
export class DoctorNotesApiService {
  private readonly http = inject(HttpClient);

  list(patientId: string, cursor?: string): Observable<NotePageDto> {
    const params = cursor ? new HttpParams().set('cursor', cursor) : undefined;
    return this.http.get<NotePageDto>(this.base(patientId), { params });
  }

  create(patientId: string, body: CreateNoteDto): Observable<NoteDto> {
    return this.http.post<NoteDto>(this.base(patientId), body);
  }

  update(patientId: string, noteId: string, body: UpdateNoteDto): Observable<NoteDto> {
    return this.http.patch<NoteDto>(`${this.base(patientId)}/${encodeURIComponent(noteId)}`, body);
  }

  delete(patientId: string, noteId: string): Observable<void> {
    return this.http.delete<void>(`${this.base(patientId)}/${encodeURIComponent(noteId)}`);
  }

  private base(patientId: string): string {
    return `/api/doctor/patients/${encodeURIComponent(patientId)}/notes`;
  }
}

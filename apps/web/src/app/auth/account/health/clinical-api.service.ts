import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { ClinicalProfileDto, UpdateClinicalProfileDto } from '@cloudvault/contracts';
import type { Observable } from 'rxjs';

/** The patient's own clinical profile. */
@Injectable({ providedIn: 'root' })
export class ClinicalApiService {
  private readonly http = inject(HttpClient);

  get(): Observable<ClinicalProfileDto> {
    return this.http.get<ClinicalProfileDto>('/api/me/clinical');
  }

  save(body: UpdateClinicalProfileDto): Observable<ClinicalProfileDto> {
    return this.http.put<ClinicalProfileDto>('/api/me/clinical', body);
  }
}

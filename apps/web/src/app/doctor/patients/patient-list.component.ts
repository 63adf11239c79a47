import { ChangeDetectionStrategy, Component, effect, inject, signal, untracked } from '@angular/core';
import { RouterLink } from '@angular/router';
import type { DoctorPatientDto } from '@cloudvault/contracts';
import { EmptyStateComponent } from '../../shared/state/empty-state.component';
import { ErrorStateComponent } from '../../shared/state/error-state.component';
import { LoadingStateComponent } from '../../shared/state/loading-state.component';
import { CursorList } from '../../shared/paging/cursor-list';
import { LoadMoreComponent } from '../../shared/paging/load-more.component';
import { DoctorPatientsApiService } from './doctor-patients-api.service';
import { DateFormatPipe } from '../../shared/pipes/date-format.pipe';

/** The doctor's active patients, searchable by name, paged; each opens the patient's page. */
@Component({
  selector: 'cv-patient-list',
  imports: [
    DateFormatPipe,
    RouterLink,
    EmptyStateComponent,
    ErrorStateComponent,
    LoadingStateComponent,
    LoadMoreComponent,
  ],
  templateUrl: './patient-list.component.html',
  styleUrl: './patient-list.component.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PatientListComponent {
  private readonly api = inject(DoctorPatientsApiService);

  /** The search that produced the list shown (applied on submit, not on every key). */
  protected readonly query = signal('');
  protected readonly patients = new CursorList<DoctorPatientDto>((cursor) => this.api.list(this.query(), cursor));

  constructor() {
    effect(() => {
      this.query();
      untracked(() => this.patients.reload());
    });
  }

  protected search(term: string): void {
    if (term.trim() === this.query()) this.patients.reload();
    else this.query.set(term.trim());
  }

  /** Called by the dashboard after a request was accepted. */
  reload(): void {
    this.patients.reload();
  }
}

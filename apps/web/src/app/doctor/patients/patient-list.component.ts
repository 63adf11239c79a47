import { ChangeDetectionStrategy, Component, effect, inject, signal, untracked } from '@angular/core';
import { RouterLink } from '@angular/router';
import type { DoctorPatientDto, WorklistSort } from '@cloudvault/contracts';
import { CategoryBadgeComponent } from '../../shared/badge/category-badge.component';
import { CursorList } from '../../shared/paging/cursor-list';
import { LoadMoreComponent } from '../../shared/paging/load-more.component';
import { EmptyStateComponent } from '../../shared/state/empty-state.component';
import { ErrorStateComponent } from '../../shared/state/error-state.component';
import { LoadingStateComponent } from '../../shared/state/loading-state.component';
import { SessionService } from '../../core/session/session.service';
import { DoctorPatientsApiService } from './doctor-patients-api.service';
import { DateFormatPipe } from '../../shared/pipes/date-format.pipe';
import { WORKLIST_SORT_OPTIONS, worklistVitals } from './worklist-rows';

/**
 * The doctor's worklist: active patients with their latest vitals (category badges), out-of-range readings in
 * 7 days, last activity, unread messages and next appointment; searchable by name, sorted by attention by default.
 */
@Component({
  selector: 'cv-patient-list',
  imports: [
    DateFormatPipe,
    RouterLink,
    CategoryBadgeComponent,
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
  protected readonly units = inject(SessionService).units;

  protected readonly sortOptions = WORKLIST_SORT_OPTIONS;
  protected readonly vitals = worklistVitals;
  /** The search that produced the list shown (applied on submit, not on every key). */
  protected readonly query = signal('');
  protected readonly sort = signal<WorklistSort>('attention');
  protected readonly patients = new CursorList<DoctorPatientDto>((cursor) =>
    this.api.list(this.query(), this.sort(), cursor),
  );

  constructor() {
    effect(() => {
      this.query();
      this.sort();
      untracked(() => this.patients.reload());
    });
  }

  protected search(term: string): void {
    if (term.trim() === this.query()) this.patients.reload();
    else this.query.set(term.trim());
  }

  protected sortBy(value: string): void {
    const option = this.sortOptions.find((o) => o.value === value);
    if (option) this.sort.set(option.value);
  }

  /** Called by the dashboard after a request was accepted. */
  reload(): void {
    this.patients.reload();
  }
}

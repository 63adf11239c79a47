import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { RouterLink } from '@angular/router';
import { EmptyStateComponent } from '../../shared/state/empty-state.component';
import { ErrorStateComponent } from '../../shared/state/error-state.component';
import { LoadingStateComponent } from '../../shared/state/loading-state.component';
import { DoctorPatientsApiService } from './doctor-patients-api.service';

/** The doctor's active patients, searchable by name; each opens the patient's page. */
@Component({
  selector: 'cv-patient-list',
  imports: [DatePipe, RouterLink, EmptyStateComponent, ErrorStateComponent, LoadingStateComponent],
  templateUrl: './patient-list.component.html',
  styleUrl: './patient-list.component.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PatientListComponent {
  private readonly api = inject(DoctorPatientsApiService);

  /** The search that produced the list shown (applied on submit, not on every key). */
  protected readonly query = signal('');
  protected readonly patients = rxResource({ params: () => this.query(), stream: ({ params }) => this.api.list(params) });

  protected search(term: string): void {
    if (term.trim() === this.query()) this.patients.reload();
    else this.query.set(term.trim());
  }

  /** Called by the dashboard after a request was accepted. */
  reload(): void {
    this.patients.reload();
  }
}

import { ChangeDetectionStrategy, Component, inject, viewChild } from '@angular/core';
import { SessionService } from '../../core/session/session.service';
import { ConsultationRequestsComponent } from '../consultations/consultation-requests.component';
import { PatientListComponent } from '../patients/patient-list.component';

/** The doctor's home: requests waiting for an answer, and the patients currently in their care. */
@Component({
  selector: 'cv-doctor-dashboard',
  imports: [ConsultationRequestsComponent, PatientListComponent],
  template: `
    <div class="page-header">
      <h1>Welcome, {{ session.user()?.name }}</h1>
    </div>
    <div class="dashboard">
      <cv-consultation-requests (accepted)="patientList().reload()" />
      <cv-patient-list />
    </div>
  `,
  styles: `
    .dashboard {
      display: grid;
      gap: 1rem;
      grid-template-columns: repeat(auto-fit, minmax(min(100%, 420px), 1fr));
      align-items: start;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DoctorDashboardComponent {
  protected readonly session = inject(SessionService);
  protected readonly patientList = viewChild.required(PatientListComponent);
}

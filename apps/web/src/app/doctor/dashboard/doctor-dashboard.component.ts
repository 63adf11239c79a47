import { ChangeDetectionStrategy, Component, inject, viewChild } from '@angular/core';
import { SessionService } from '../../core/session/session.service';
import { ConsultationRequestsComponent } from '../consultations/consultation-requests.component';
import { PastPatientsComponent } from '../consultations/past-patients.component';
import { PatientListComponent } from '../patients/patient-list.component';

/** The doctor's home: requests waiting for an answer first, then the worklist, then past patients. */
@Component({
  selector: 'cv-doctor-dashboard',
  imports: [ConsultationRequestsComponent, PatientListComponent, PastPatientsComponent],
  template: `
    <div class="page-header">
      <h1>Welcome, {{ session.user()?.name }}</h1>
    </div>
    <div class="dashboard">
      <cv-consultation-requests (accepted)="patientList().reload()" />
      <cv-patient-list />
      <cv-past-patients />
    </div>
  `,
  styles: `
    .dashboard {
      display: grid;
      gap: 1rem;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DoctorDashboardComponent {
  protected readonly session = inject(SessionService);
  protected readonly patientList = viewChild.required(PatientListComponent);
}

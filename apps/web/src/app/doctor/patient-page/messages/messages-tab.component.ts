import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { ConversationComponent } from '../../../shared/messages/conversation.component';
import { ErrorStateComponent } from '../../../shared/state/error-state.component';
import { LoadingStateComponent } from '../../../shared/state/loading-state.component';
import { DoctorPatientsApiService } from '../../patients/doctor-patients-api.service';
import { injectPatientId } from '../patient-id';

/** The conversation of the doctor's active consultation with this patient. */
@Component({
  selector: 'cv-messages-tab',
  imports: [ConversationComponent, ErrorStateComponent, LoadingStateComponent],
  template: `
    <h2>Messages</h2>
    @if (profile.isLoading()) {
      <cv-loading-state label="Loading the conversation…" />
    } @else if (profile.error()) {
      <cv-error-state message="The conversation could not be loaded." (retry)="profile.reload()" />
    } @else if (profile.hasValue()) {
      <cv-conversation [consultationId]="profile.value().consultationId" />
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class MessagesTabComponent {
  private readonly patients = inject(DoctorPatientsApiService);
  protected readonly patientId = injectPatientId();
  protected readonly profile = rxResource({
    params: () => this.patientId(),
    stream: ({ params }) => this.patients.get(params),
  });
}

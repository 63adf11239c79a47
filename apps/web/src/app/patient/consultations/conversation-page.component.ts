import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { RouterLink } from '@angular/router';
import { map } from 'rxjs';
import { ConversationComponent } from '../../shared/messages/conversation.component';
import { ErrorStateComponent } from '../../shared/state/error-state.component';
import { LoadingStateComponent } from '../../shared/state/loading-state.component';
import { PatientConsultationsApiService } from './patient-consultations-api.service';

/** The patient's conversation with the doctor of one consultation (read-only once it has ended). */
@Component({
  selector: 'cv-conversation-page',
  imports: [RouterLink, ConversationComponent, ErrorStateComponent, LoadingStateComponent],
  template: `
    <p><a routerLink="/patient/consultations">← Back to consultations</a></p>
    @if (consultation.isLoading()) {
      <cv-loading-state label="Loading the consultation…" />
    } @else if (consultation.error()) {
      <cv-error-state message="The consultation could not be loaded." (retry)="consultation.reload()" />
    } @else if (current(); as c) {
      <h1>Messages with {{ c.doctor.name }}</h1>
      <cv-conversation [consultationId]="c.id" [readOnly]="c.status !== 'active'" />
    } @else {
      <div class="state state-error" role="alert"><p>This consultation was not found.</p></div>
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ConversationPageComponent {
  private readonly api = inject(PatientConsultationsApiService);

  /** Route parameter (component input binding). */
  readonly consultationId = input.required<string>();

  protected readonly consultation = rxResource({
    params: () => this.consultationId(),
    stream: ({ params }) => this.api.list().pipe(map((page) => page.items.find((c) => c.id === params) ?? null)),
  });
  protected readonly current = computed(() => (this.consultation.hasValue() ? this.consultation.value() : null));
}

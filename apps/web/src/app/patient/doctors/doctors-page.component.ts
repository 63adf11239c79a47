import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { forkJoin } from 'rxjs';
import { FormsModule } from '@angular/forms';
import { RouterLink } from '@angular/router';
import type { DoctorProfileDto } from '@cloudvault/contracts';
import { errorMessage } from '../../core/http/api-error';
import { CursorList } from '../../shared/paging/cursor-list';
import { EmptyStateComponent } from '../../shared/state/empty-state.component';
import { ErrorStateComponent } from '../../shared/state/error-state.component';
import { LoadingStateComponent } from '../../shared/state/loading-state.component';
import { PatientConsultationsApiService } from '../consultations/patient-consultations-api.service';
import { DoctorsApiService } from './doctors-api.service';
import { RequestConsultationComponent } from './request-consultation.component';
import { LoadMoreComponent } from '../../shared/paging/load-more.component';

/** Find a doctor by name or specialty and ask them for a consultation. */
@Component({
  selector: 'cv-doctors-page',
  imports: [
    FormsModule,
    RouterLink,
    RequestConsultationComponent,
    LoadingStateComponent,
    EmptyStateComponent,
    ErrorStateComponent,
    LoadMoreComponent,
  ],
  templateUrl: './doctors-page.component.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DoctorsPageComponent {
  private readonly api = inject(DoctorsApiService);
  protected readonly q = signal('');
  protected readonly requestingFor = signal<string | null>(null);
  protected readonly list = new CursorList<DoctorProfileDto>((cursor) => this.api.search(this.q().trim(), cursor));
  protected readonly errorMessage = errorMessage;
  private readonly consultations = inject(PatientConsultationsApiService);
  /** The patient's open consultations, so a card says "already your doctor" before any request is sent. */
  private readonly open = rxResource({
    stream: () => forkJoin([this.consultations.list('active'), this.consultations.list('pending')]),
  });
  protected readonly relation = computed(() => {
    const byDoctor = new Map<string, 'active' | 'pending'>();
    if (!this.open.hasValue()) return byDoctor;
    const [active, pending] = this.open.value();
    for (const c of pending.items) byDoctor.set(c.doctorId, 'pending');
    for (const c of active.items) byDoctor.set(c.doctorId, 'active');
    return byDoctor;
  });

  constructor() {
    this.list.reload();
  }

  protected search(): void {
    this.requestingFor.set(null);
    this.list.reload();
  }
}

import { ChangeDetectionStrategy, Component, inject, type OnInit } from '@angular/core';
import type { ConsultationDto } from '@cloudvault/contracts';
import { CursorList } from '../../shared/paging/cursor-list';
import { LoadMoreComponent } from '../../shared/paging/load-more.component';
import { EmptyStateComponent } from '../../shared/state/empty-state.component';
import { ErrorStateComponent } from '../../shared/state/error-state.component';
import { LoadingStateComponent } from '../../shared/state/loading-state.component';
import { DoctorConsultationsApiService } from './doctor-consultations-api.service';
import { DateFormatPipe } from '../../shared/pipes/date-format.pipe';

/** Consultations that ended: listed read-only (no link to the record, which the doctor may no longer open). */
@Component({
  selector: 'cv-past-patients',
  imports: [DateFormatPipe, EmptyStateComponent, ErrorStateComponent, LoadingStateComponent, LoadMoreComponent],
  template: `
    <section class="card" aria-labelledby="past-patients-title">
      <h2 id="past-patients-title">Past patients</h2>
      @if (past.loading()) {
        <cv-loading-state label="Loading past patients…" />
      } @else if (!past.loaded()) {
        @if (past.error()) {
          <cv-error-state message="Past patients could not be loaded." (retry)="past.reload()" />
        }
      } @else if (past.items().length === 0) {
        <cv-empty-state title="No past patients" />
      } @else {
        <ul class="plain-list">
          @for (c of past.items(); track c.id) {
            <li>
              <strong>{{ c.patient.name }}</strong>
              <span class="muted"> · consultation ended {{ c.updatedAt | cvDate: 'mediumDate' }}</span>
            </li>
          }
        </ul>
        <p class="muted">Records of past patients are closed. A patient can ask you again.</p>
        <cv-load-more [list]="past" label="Show more past patients" failure="More could not be loaded." />
      }
    </section>
  `,
  styles: `
    .plain-list {
      list-style: none;
      margin: 0;
      padding: 0;
    }
    .plain-list li {
      padding: 0.4rem 0;
      border-bottom: 1px solid var(--cv-line);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PastPatientsComponent implements OnInit {
  private readonly api = inject(DoctorConsultationsApiService);
  protected readonly past = new CursorList<ConsultationDto>((cursor) => this.api.list('ended', cursor));

  ngOnInit(): void {
    this.past.reload();
  }

  /** Called by the dashboard when a consultation changed state. */
  reload(): void {
    this.past.reload();
  }
}

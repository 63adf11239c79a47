import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import type { NoteDto } from '@cloudvault/contracts';
import { errorMessage } from '../../core/http/api-error';
import { CursorList } from '../../shared/paging/cursor-list';
import { EmptyStateComponent } from '../../shared/state/empty-state.component';
import { ErrorStateComponent } from '../../shared/state/error-state.component';
import { LoadingStateComponent } from '../../shared/state/loading-state.component';
import { PatientNotesApiService } from './patient-notes-api.service';
import { LoadMoreComponent } from '../../shared/paging/load-more.component';
import { DateFormatPipe } from '../../shared/pipes/date-format.pipe';

@Component({
  selector: 'cv-notes-page',
  imports: [DateFormatPipe, LoadingStateComponent, EmptyStateComponent, ErrorStateComponent, LoadMoreComponent],
  template: `
    <h1>Notes from your doctors</h1>
    @if (list.error() && !list.loaded()) {
      <cv-error-state
        [message]="errorMessage(list.error(), 'The notes could not be loaded.')"
        (retry)="list.reload()"
      />
    } @else if (!list.loaded()) {
      <cv-loading-state label="Loading notes…" />
    } @else if (list.items().length === 0) {
      <cv-empty-state title="No shared notes yet"
        ><p>Notes your doctors share with you will appear here.</p></cv-empty-state
      >
    } @else {
      <ul class="plain-list stack">
        @for (n of list.items(); track n.id) {
          <li class="card">
            <h2>
              {{ n.author.name }}
              @if (n.author.specialty) {
                <span class="muted"> · {{ n.author.specialty }}</span>
              }
            </h2>
            <p class="muted">
              Written {{ n.createdAt | cvDate: 'medium' }}
              @if (n.updatedAt !== n.createdAt) {
                · edited {{ n.updatedAt | cvDate: 'medium' }}
              }
            </p>
            <pre class="text">{{ n.body }}</pre>
          </li>
        }
      </ul>
      <cv-load-more [list]="list" failure="More notes could not be loaded." />
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class NotesPageComponent {
  private readonly api = inject(PatientNotesApiService);
  protected readonly list = new CursorList<NoteDto>((cursor) => this.api.list(cursor));
  protected readonly errorMessage = errorMessage;

  constructor() {
    this.list.reload();
  }
}

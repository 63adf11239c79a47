import { ChangeDetectionStrategy, Component, effect, inject, signal, untracked } from '@angular/core';
import type { NoteDto } from '@cloudvault/contracts';
import { SessionService } from '../../../core/session/session.service';
import { ToastService } from '../../../core/toast/toast.service';
import { ConfirmService } from '../../../shared/confirm/confirm.service';
import { EmptyStateComponent } from '../../../shared/state/empty-state.component';
import { ErrorStateComponent } from '../../../shared/state/error-state.component';
import { LoadingStateComponent } from '../../../shared/state/loading-state.component';
import { CursorList } from '../../../shared/paging/cursor-list';
import { LoadMoreComponent } from '../../../shared/paging/load-more.component';
import { injectPatientId } from '../patient-id';
import { NoteFormComponent } from './note-form.component';
import { DoctorNotesApiService } from './doctor-notes-api.service';
import { DateFormatPipe } from '../../../shared/pipes/date-format.pipe';

/** Notes on the patient: write one (private or shared), and edit or delete your own. */
@Component({
  selector: 'cv-notes-tab',
  imports: [
    DateFormatPipe,
    NoteFormComponent,
    EmptyStateComponent,
    ErrorStateComponent,
    LoadingStateComponent,
    LoadMoreComponent,
  ],
  templateUrl: './notes-tab.component.html',
  styleUrl: './notes-tab.component.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class NotesTabComponent {
  private readonly api = inject(DoctorNotesApiService);
  private readonly toasts = inject(ToastService);
  private readonly confirm = inject(ConfirmService);
  private readonly session = inject(SessionService);

  protected readonly patientId = injectPatientId();
  protected readonly notes = new CursorList<NoteDto>((cursor) => this.api.list(this.patientId(), cursor));
  protected readonly editingId = signal<string | null>(null);
  protected readonly deletingId = signal<string | null>(null);

  constructor() {
    effect(() => {
      this.patientId();
      untracked(() => {
        this.editingId.set(null);
        this.notes.reload();
      });
    });
  }

  protected isMine(note: NoteDto): boolean {
    return note.author.id === this.session.user()?.id;
  }

  protected created(note: NoteDto): void {
    this.notes.prepend(note);
  }

  protected updated(note: NoteDto): void {
    this.notes.replace(note, (a, b) => a.id === b.id);
    this.editingId.set(null);
  }

  protected async remove(note: NoteDto): Promise<void> {
    const ok = await this.confirm.confirm({
      title: 'Delete this note?',
      message:
        note.visibility === 'shared'
          ? 'The patient will no longer see it. This cannot be undone.'
          : 'This cannot be undone.',
      confirmLabel: 'Delete note',
      danger: true,
    });
    if (!ok) return;
    this.deletingId.set(note.id);
    this.api.delete(this.patientId(), note.id).subscribe({
      next: () => {
        this.deletingId.set(null);
        this.notes.remove((n) => n.id === note.id);
        this.toasts.success('Note deleted.');
      },
      error: (err: unknown) => {
        this.deletingId.set(null);
        this.toasts.failure(err, 'The note could not be deleted.');
      },
    });
  }
}

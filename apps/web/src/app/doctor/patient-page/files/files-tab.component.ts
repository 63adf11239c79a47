import { ChangeDetectionStrategy, Component, effect, inject, signal, untracked } from '@angular/core';
import type { FileDto } from '@cloudvault/contracts';
import { ToastService } from '../../../core/toast/toast.service';
import { FileSizePipe } from '../../../shared/pipes/file-size.pipe';
import { EmptyStateComponent } from '../../../shared/state/empty-state.component';
import { ErrorStateComponent } from '../../../shared/state/error-state.component';
import { LoadingStateComponent } from '../../../shared/state/loading-state.component';
import { CursorList } from '../../../shared/paging/cursor-list';
import { LoadMoreComponent } from '../../../shared/paging/load-more.component';
import { injectPatientId } from '../patient-id';
import { DoctorFilesApiService } from './doctor-files-api.service';
import { saveBlob } from '../../../shared/files/save-blob';
import { DateFormatPipe } from '../../../shared/pipes/date-format.pipe';

/** The patient's files: search by name or description, download. */
@Component({
  selector: 'cv-files-tab',
  imports: [
    DateFormatPipe,
    FileSizePipe,
    EmptyStateComponent,
    ErrorStateComponent,
    LoadingStateComponent,
    LoadMoreComponent,
  ],
  templateUrl: './files-tab.component.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class FilesTabComponent {
  private readonly api = inject(DoctorFilesApiService);
  private readonly toasts = inject(ToastService);

  protected readonly patientId = injectPatientId();
  protected readonly query = signal('');
  protected readonly files = new CursorList<FileDto>((cursor) => this.api.list(this.patientId(), this.query(), cursor));
  protected readonly downloadingId = signal<string | null>(null);

  constructor() {
    effect(() => {
      this.patientId();
      this.query();
      untracked(() => this.files.reload());
    });
  }

  protected search(term: string): void {
    if (term.trim() === this.query()) this.files.reload();
    else this.query.set(term.trim());
  }

  protected download(file: FileDto): void {
    this.downloadingId.set(file.id);
    this.api.content(this.patientId(), file.id).subscribe({
      next: (blob) => {
        this.downloadingId.set(null);
        saveBlob(blob, file.name);
        this.toasts.success(`Downloading ${file.name}.`);
      },
      error: (err: unknown) => {
        this.downloadingId.set(null);
        this.toasts.failure(err, `${file.name} could not be downloaded.`);
      },
    });
  }
}

import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { FILE_QUERY_MAX_LENGTH, type FileDto } from '@cloudvault/contracts';
import { errorMessage } from '../../core/http/api-error';
import { ToastService } from '../../core/toast/toast.service';
import { ConfirmService } from '../../shared/confirm/confirm.service';
import { endOfDayIso, startOfDayIso } from '../../shared/dates/date-range';
import { CursorList } from '../../shared/paging/cursor-list';
import { FileSizePipe } from '../../shared/pipes/file-size.pipe';
import { EmptyStateComponent } from '../../shared/state/empty-state.component';
import { ErrorStateComponent } from '../../shared/state/error-state.component';
import { LoadingStateComponent } from '../../shared/state/loading-state.component';
import { FilesApiService } from './files-api.service';
import { saveBlob } from '../../shared/files/save-blob';
import { LoadMoreComponent } from '../../shared/paging/load-more.component';
import { DateFormatPipe } from '../../shared/pipes/date-format.pipe';

/** The patient's files: search by name or description, filter by upload date, download, delete. */
@Component({
  selector: 'cv-files-list',
  imports: [
    FormsModule,
    DateFormatPipe,
    FileSizePipe,
    LoadingStateComponent,
    EmptyStateComponent,
    ErrorStateComponent,
    LoadMoreComponent,
  ],
  templateUrl: './files-list.component.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class FilesListComponent {
  private readonly api = inject(FilesApiService);
  private readonly confirm = inject(ConfirmService);
  private readonly toasts = inject(ToastService);

  protected readonly qMax = FILE_QUERY_MAX_LENGTH;
  protected readonly q = signal('');
  protected readonly from = signal('');
  protected readonly to = signal('');
  protected readonly busyId = signal<string | null>(null);
  protected readonly list = new CursorList<FileDto>((cursor) =>
    this.api.list(
      { q: this.q().trim() || undefined, from: startOfDayIso(this.from()), to: endOfDayIso(this.to()) },
      cursor,
    ),
  );
  protected readonly errorMessage = errorMessage;

  constructor() {
    this.list.reload();
  }

  reload(): void {
    this.list.reload();
  }

  protected search(): void {
    this.list.reload();
  }

  protected clear(): void {
    this.q.set('');
    this.from.set('');
    this.to.set('');
    this.list.reload();
  }

  protected download(file: FileDto): void {
    this.busyId.set(file.id);
    this.api.content(file.id).subscribe({
      next: (blob) => {
        this.busyId.set(null);
        saveBlob(blob, file.name);
      },
      error: (err: unknown) => {
        this.busyId.set(null);
        this.toasts.failure(err, 'The file could not be downloaded.');
      },
    });
  }

  protected async remove(file: FileDto): Promise<void> {
    const ok = await this.confirm.confirm({
      title: 'Delete this file?',
      message: `"${file.name}" will be deleted for good.`,
      confirmLabel: 'Yes, delete',
      danger: true,
    });
    if (!ok) return;
    this.busyId.set(file.id);
    this.api.remove(file.id).subscribe({
      next: () => {
        this.busyId.set(null);
        this.list.remove((f) => f.id === file.id);
        this.toasts.success(`"${file.name}" deleted.`);
      },
      error: (err: unknown) => {
        this.busyId.set(null);
        this.toasts.failure(err, 'The file could not be deleted.');
      },
    });
  }
}

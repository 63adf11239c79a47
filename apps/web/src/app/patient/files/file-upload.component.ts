import { HttpEventType } from '@angular/common/http';
import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  type ElementRef,
  inject,
  output,
  signal,
  viewChild,
} from '@angular/core';
import { FormsModule } from '@angular/forms';
import { FILE_DESCRIPTION_MAX_LENGTH, type FileDto } from '@cloudvault/contracts';
import type { Subscription } from 'rxjs';
import { errorMessage, httpStatus } from '../../core/http/api-error';
import { ToastService } from '../../core/toast/toast.service';
import { FileSizePipe } from '../../shared/pipes/file-size.pipe';
import { ACCEPT_ATTRIBUTE, fileProblem } from './file-checks';
import { FilesApiService } from './files-api.service';

/** Pick or drop one file, see it upload with real progress, cancel it, and read plainly why a file was refused. */
@Component({
  selector: 'cv-file-upload',
  imports: [FormsModule, FileSizePipe],
  templateUrl: './file-upload.component.html',
  styles: `
    .drop {
      border: 2px dashed var(--cv-border);
      border-radius: var(--cv-radius);
      padding: 1rem;
      text-align: center;
      background: #fafbfc;
    }
    .drop.over {
      border-color: var(--cv-brand);
      background: #e8f1f7;
    }
    .drop input[type='file'] {
      max-width: 100%;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class FileUploadComponent {
  private readonly api = inject(FilesApiService);
  private readonly toasts = inject(ToastService);
  readonly uploaded = output<FileDto>();

  protected readonly accept = ACCEPT_ATTRIBUTE;
  protected readonly descriptionMax = FILE_DESCRIPTION_MAX_LENGTH;
  protected readonly file = signal<File | null>(null);
  protected readonly description = signal('');
  protected readonly problem = signal<string | null>(null);
  protected readonly progress = signal<number | null>(null);
  protected readonly dragOver = signal(false);
  private readonly input = viewChild.required<ElementRef<HTMLInputElement>>('fileInput');
  private upload: Subscription | null = null;

  constructor() {
    inject(DestroyRef).onDestroy(() => this.upload?.unsubscribe());
  }

  protected picked(event: Event): void {
    this.choose((event.target as HTMLInputElement).files?.[0] ?? null);
  }

  protected dropped(event: DragEvent): void {
    event.preventDefault();
    this.dragOver.set(false);
    const file = event.dataTransfer?.files?.[0] ?? null;
    if (file) this.choose(file);
  }

  protected dragging(event: DragEvent, over: boolean): void {
    event.preventDefault();
    this.dragOver.set(over);
  }

  protected submit(): void {
    const file = this.file();
    if (!file) {
      this.problem.set('Choose a file to upload first.');
      return;
    }
    const problem = fileProblem(file);
    if (problem) {
      this.problem.set(problem);
      return;
    }
    this.problem.set(null);
    this.progress.set(0);
    this.upload = this.api.upload(file, this.description().trim() || undefined).subscribe({
      next: (event) => {
        if (event.type === HttpEventType.UploadProgress) {
          this.progress.set(event.total ? Math.round((100 * event.loaded) / event.total) : 0);
        } else if (event.type === HttpEventType.Response && event.body) {
          this.progress.set(null);
          this.toasts.success(`"${event.body.name}" uploaded.`);
          this.reset();
          this.uploaded.emit(event.body);
        }
      },
      error: (err: unknown) => {
        this.progress.set(null);
        const status = httpStatus(err);
        this.problem.set(
          status === 413
            ? 'This file is larger than the upload limit.'
            : status === 415
              ? 'This type of file is not accepted (the check looks at the content, not the name). Allowed: PDF, PNG, JPEG, WebP, HEIC, DICOM, text and CSV.'
              : errorMessage(err, 'The upload failed. Please try again.'),
        );
      },
    });
  }

  protected cancel(): void {
    this.upload?.unsubscribe();
    this.upload = null;
    this.progress.set(null);
    this.toasts.info('Upload cancelled.');
  }

  private choose(file: File | null): void {
    this.file.set(file);
    this.problem.set(file ? fileProblem(file) : null);
  }

  private reset(): void {
    this.file.set(null);
    this.description.set('');
    this.input().nativeElement.value = '';
  }
}

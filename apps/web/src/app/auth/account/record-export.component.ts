import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { errorMessage } from '../../core/http/api-error';
import { saveBlob } from '../../shared/files/save-blob';
import { AccountApiService } from './account-api.service';

/** "Download my record (FHIR)": the whole record as a FHIR R4 Bundle, for another provider or app. */
@Component({
  selector: 'cv-record-export',
  template: `
    <section class="card" aria-labelledby="export-heading">
      <h2 id="export-heading">My record</h2>
      <p class="hint">
        A copy of your readings, files (as links), prescriptions and shared notes in the FHIR R4 standard, which other
        health providers and apps can import.
      </p>
      @if (error(); as e) {
        <p class="form-alert" role="alert">{{ e }}</p>
      }
      <button type="button" class="btn btn-secondary" [disabled]="busy()" (click)="download()">
        {{ busy() ? 'Preparing…' : 'Download my record (FHIR)' }}
      </button>
    </section>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class RecordExportComponent {
  private readonly api = inject(AccountApiService);
  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);

  protected download(): void {
    this.busy.set(true);
    this.error.set(null);
    this.api.exportRecord().subscribe({
      next: (blob) => {
        this.busy.set(false);
        saveBlob(blob, `cloudvault-record-${new Date().toISOString().slice(0, 10)}.json`);
      },
      error: (err: unknown) => {
        this.busy.set(false);
        this.error.set(errorMessage(err, 'The record could not be prepared. Please try again.'));
      },
    });
  }
}

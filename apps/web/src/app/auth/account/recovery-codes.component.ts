import { ChangeDetectionStrategy, Component, inject, input, output } from '@angular/core';
import { ToastService } from '../../core/toast/toast.service';

/** The ten one-time recovery codes, shown once, with copy and download. */
@Component({
  selector: 'cv-recovery-codes',
  template: `
    <div class="banner-info" role="status">
      <p>
        <strong>Save these recovery codes now.</strong> Each works once if you lose your phone. They will not be shown
        again.
      </p>
    </div>
    <ul class="codes" aria-label="Recovery codes">
      @for (code of codes(); track code) {
        <li>
          <code>{{ code }}</code>
        </li>
      }
    </ul>
    <div class="actions">
      <button type="button" class="btn btn-secondary" (click)="copy()">Copy codes</button>
      <button type="button" class="btn btn-secondary" (click)="download()">Download codes</button>
      <button type="button" class="btn" (click)="saved.emit()">I have saved my codes</button>
    </div>
  `,
  styles: `
    .codes {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(140px, 1fr));
      gap: 0.4rem;
      list-style: none;
      padding: 0;
      font-size: 1.05rem;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class RecoveryCodesComponent {
  private readonly toasts = inject(ToastService);
  readonly codes = input.required<readonly string[]>();
  readonly saved = output<void>();

  protected async copy(): Promise<void> {
    try {
      await navigator.clipboard.writeText(this.text());
      this.toasts.success('Recovery codes copied.');
    } catch {
      this.toasts.error('Copying is not allowed here; use Download instead.');
    }
  }

  protected download(): void {
    const url = URL.createObjectURL(new Blob([this.text()], { type: 'text/plain' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = 'cloudvault-recovery-codes.txt';
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }

  private text(): string {
    return `CloudVault recovery codes (each works once)\n\n${this.codes().join('\n')}\n`;
  }
}

import { DIALOG_DATA, DialogRef } from '@angular/cdk/dialog';
import { ChangeDetectionStrategy, Component, inject } from '@angular/core';

export interface ConfirmOptions {
  title: string;
  message: string;
  confirmLabel: string;
  danger?: boolean;
}

@Component({
  selector: 'cv-confirm-dialog',
  template: `
    <div class="dialog" role="document">
      <h2 class="dialog-title" id="cv-confirm-title">{{ data.title }}</h2>
      <p id="cv-confirm-message">{{ data.message }}</p>
      <div class="dialog-actions">
        <button type="button" class="btn btn-secondary" (click)="ref.close(false)" cdkFocusInitial>Keep it</button>
        <button type="button" class="btn" [class.btn-danger]="data.danger" (click)="ref.close(true)">
          {{ data.confirmLabel }}
        </button>
      </div>
    </div>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ConfirmDialogComponent {
  protected readonly data = inject<ConfirmOptions>(DIALOG_DATA);
  protected readonly ref = inject<DialogRef<boolean>>(DialogRef);
}

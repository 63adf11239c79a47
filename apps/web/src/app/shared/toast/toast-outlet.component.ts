import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { ToastService } from '../../core/toast/toast.service';

/** Renders the toasts. Errors are announced assertively, the rest politely. */
@Component({
  selector: 'cv-toast-outlet',
  template: `
    <div class="toast-stack" role="status" aria-live="polite">
      @for (toast of toasts.toasts(); track toast.id) {
        <div [class]="'toast toast-' + toast.kind">
          <span class="toast-kind">{{ labels[toast.kind] }}</span>
          <span class="toast-text">{{ toast.text }}</span>
          <button type="button" class="btn-icon" (click)="toasts.dismiss(toast.id)" aria-label="Dismiss notification">
            ✕
          </button>
        </div>
      }
    </div>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ToastOutletComponent {
  protected readonly toasts = inject(ToastService);
  protected readonly labels = { success: 'Done', error: 'Error', info: 'Note' } as const;
}

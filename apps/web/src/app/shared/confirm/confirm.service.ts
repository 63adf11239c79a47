import { Dialog } from '@angular/cdk/dialog';
import { inject, Injectable } from '@angular/core';
import { firstValueFrom } from 'rxjs';
import { ConfirmDialogComponent, type ConfirmOptions } from './confirm-dialog.component';

/** Asks before anything destructive. A modal with focus trapped inside; Escape or "Keep it" answers no. */
@Injectable({ providedIn: 'root' })
export class ConfirmService {
  private readonly dialog = inject(Dialog);

  async confirm(options: ConfirmOptions): Promise<boolean> {
    const ref = this.dialog.open<boolean, ConfirmOptions>(ConfirmDialogComponent, {
      data: options,
      role: 'alertdialog',
      ariaLabelledBy: 'cv-confirm-title',
      ariaDescribedBy: 'cv-confirm-message',
      panelClass: 'cv-dialog-panel',
      backdropClass: 'cv-dialog-backdrop',
    });
    return (await firstValueFrom(ref.closed)) === true;
  }
}

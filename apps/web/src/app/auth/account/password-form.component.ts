import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '@cloudvault/contracts';
import { httpStatus } from '../../core/http/api-error';
import { ToastService } from '../../core/toast/toast.service';
import { FieldErrorComponent } from '../../shared/forms/field-error.component';
import { controlMessage, serverFormAlert } from '../../shared/forms/form-errors';
import { AccountApiService } from './account-api.service';

@Component({
  selector: 'cv-password-form',
  imports: [ReactiveFormsModule, FieldErrorComponent],
  template: `
    <section class="card" aria-labelledby="password-heading">
      <h2 id="password-heading">Password</h2>
      <p class="hint">Changing it signs you out everywhere else.</p>
      @if (formError(); as e) {
        <p class="form-alert" role="alert">{{ e }}</p>
      }
      <form [formGroup]="form" (ngSubmit)="save()" novalidate>
        <div class="field">
          <label for="pw-current">Current password</label>
          <input
            id="pw-current"
            type="password"
            formControlName="currentPassword"
            autocomplete="current-password"
            aria-describedby="pw-current-error"
          />
          <cv-field-error
            fieldId="pw-current-error"
            [message]="msg(form.controls.currentPassword, 'Current password')"
          />
        </div>
        <div class="field">
          <label for="pw-new">New password</label>
          <input
            id="pw-new"
            type="password"
            formControlName="newPassword"
            autocomplete="new-password"
            aria-describedby="pw-new-hint pw-new-error"
          />
          <p class="hint" id="pw-new-hint">{{ min }}–{{ max }} characters, not a common password.</p>
          <cv-field-error fieldId="pw-new-error" [message]="msg(form.controls.newPassword, 'New password')" />
        </div>
        <button type="submit" class="btn" [disabled]="busy()">Change password</button>
      </form>
    </section>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PasswordFormComponent {
  private readonly api = inject(AccountApiService);
  private readonly toasts = inject(ToastService);
  protected readonly min = PASSWORD_MIN_LENGTH;
  protected readonly max = PASSWORD_MAX_LENGTH;
  protected readonly busy = signal(false);
  protected readonly formError = signal<string | null>(null);
  protected readonly msg = controlMessage;
  protected readonly form = inject(NonNullableFormBuilder).group({
    currentPassword: ['', Validators.required],
    newPassword: [
      '',
      [Validators.required, Validators.minLength(PASSWORD_MIN_LENGTH), Validators.maxLength(PASSWORD_MAX_LENGTH)],
    ],
  });

  protected save(): void {
    this.formError.set(null);
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    this.busy.set(true);
    this.api.changePassword(this.form.getRawValue()).subscribe({
      next: () => {
        this.busy.set(false);
        this.form.reset();
        this.toasts.success('Password changed. Other sessions were signed out.');
      },
      error: (err: unknown) => {
        this.busy.set(false);
        const status = httpStatus(err);
        this.formError.set(
          status === 401 || status === 403 ? 'The current password is not correct.' : serverFormAlert(this.form, err),
        );
      },
    });
  }
}

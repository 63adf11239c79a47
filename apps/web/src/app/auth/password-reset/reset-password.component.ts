import { ChangeDetectionStrategy, Component, inject, input, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { Router, RouterLink } from '@angular/router';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '@cloudvault/contracts';
import { httpStatus } from '../../core/http/api-error';
import { ToastService } from '../../core/toast/toast.service';
import { FieldErrorComponent } from '../../shared/forms/field-error.component';
import { controlMessage, serverFormAlert } from '../../shared/forms/form-errors';
import { PasswordResetApiService } from './password-reset-api.service';

/** The page of the emailed link (`/reset-password?token=…`): choose a new password. */
@Component({
  selector: 'cv-reset-password',
  imports: [ReactiveFormsModule, RouterLink, FieldErrorComponent],
  template: `
    <section class="narrow card">
      <h1>Choose a new password</h1>
      @if (!token()) {
        <p class="form-alert" role="alert">This link is incomplete. Ask for a new one.</p>
        <p><a routerLink="/auth/forgot-password">Ask for a new link</a></p>
      } @else {
        <p class="hint">Every device signed in to your account will be signed out.</p>
        @if (formError(); as e) {
          <p class="form-alert" role="alert">{{ e }}</p>
          @if (linkDead()) {
            <p><a routerLink="/auth/forgot-password">Ask for a new link</a></p>
          }
        }
        <form [formGroup]="form" (ngSubmit)="submit()" novalidate>
          <div class="field">
            <label for="reset-password">New password</label>
            <input
              id="reset-password"
              type="password"
              formControlName="newPassword"
              autocomplete="new-password"
              aria-describedby="reset-password-hint reset-password-error"
              [attr.aria-invalid]="!!msg(form.controls.newPassword, 'New password')"
            />
            <p class="hint" id="reset-password-hint">{{ min }}–{{ max }} characters, not a common password.</p>
            <cv-field-error fieldId="reset-password-error" [message]="msg(form.controls.newPassword, 'New password')" />
          </div>
          <button type="submit" class="btn" [disabled]="busy()">{{ busy() ? 'Saving…' : 'Set new password' }}</button>
        </form>
      }
    </section>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ResetPasswordComponent {
  private readonly api = inject(PasswordResetApiService);
  private readonly router = inject(Router);
  private readonly toasts = inject(ToastService);
  /** From the query string (router input binding). */
  readonly token = input<string>();
  protected readonly min = PASSWORD_MIN_LENGTH;
  protected readonly max = PASSWORD_MAX_LENGTH;
  protected readonly busy = signal(false);
  protected readonly linkDead = signal(false);
  protected readonly formError = signal<string | null>(null);
  protected readonly msg = controlMessage;
  protected readonly form = inject(NonNullableFormBuilder).group({
    newPassword: [
      '',
      [Validators.required, Validators.minLength(PASSWORD_MIN_LENGTH), Validators.maxLength(PASSWORD_MAX_LENGTH)],
    ],
  });

  protected submit(): void {
    this.formError.set(null);
    this.linkDead.set(false);
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    this.busy.set(true);
    this.api.reset({ token: this.token() ?? '', newPassword: this.form.getRawValue().newPassword }).subscribe({
      next: () => {
        this.toasts.success('Password changed. Sign in with your new password.');
        void this.router.navigate(['/auth/login']);
      },
      error: (err: unknown) => {
        this.busy.set(false);
        const alert = serverFormAlert(this.form, err);
        const fieldProblem = this.form.controls.newPassword.invalid;
        this.linkDead.set(httpStatus(err) === 400 && !fieldProblem);
        this.formError.set(
          this.linkDead() ? 'This link is invalid, expired or already used. Ask for a new one.' : alert,
        );
      },
    });
  }
}

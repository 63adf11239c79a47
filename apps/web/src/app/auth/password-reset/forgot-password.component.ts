import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { RouterLink } from '@angular/router';
import { httpStatus } from '../../core/http/api-error';
import { FieldErrorComponent } from '../../shared/forms/field-error.component';
import { controlMessage, serverFormAlert } from '../../shared/forms/form-errors';
import { PasswordResetApiService } from './password-reset-api.service';

/** Asks for a reset link; the answer is the same whether or not the address has an account. */
@Component({
  selector: 'cv-forgot-password',
  imports: [ReactiveFormsModule, RouterLink, FieldErrorComponent],
  template: `
    <section class="narrow card">
      <h1>Reset your password</h1>
      @if (sent(); as message) {
        <p class="banner-info" role="status">{{ message }} The link works once, for 30 minutes.</p>
        <p><a routerLink="/auth/login">Back to sign in</a></p>
      } @else {
        <p>Enter the email address of your account. We will send you a link to choose a new password.</p>
        @if (formError(); as e) {
          <p class="form-alert" role="alert">{{ e }}</p>
        }
        <form [formGroup]="form" (ngSubmit)="submit()" novalidate>
          <div class="field">
            <label for="forgot-email">Email</label>
            <input
              id="forgot-email"
              type="email"
              formControlName="email"
              autocomplete="username"
              aria-describedby="forgot-email-error"
              [attr.aria-invalid]="!!msg(form.controls.email, 'Email')"
            />
            <cv-field-error fieldId="forgot-email-error" [message]="msg(form.controls.email, 'Email')" />
          </div>
          <button type="submit" class="btn" [disabled]="busy()">{{ busy() ? 'Sending…' : 'Send reset link' }}</button>
        </form>
        <p><a routerLink="/auth/login">Back to sign in</a></p>
      }
    </section>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ForgotPasswordComponent {
  private readonly api = inject(PasswordResetApiService);
  protected readonly busy = signal(false);
  protected readonly sent = signal<string | null>(null);
  protected readonly formError = signal<string | null>(null);
  protected readonly msg = controlMessage;
  protected readonly form = inject(NonNullableFormBuilder).group({
    email: ['', [Validators.required, Validators.email]],
  });

  protected submit(): void {
    this.formError.set(null);
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    this.busy.set(true);
    this.api.forgot(this.form.getRawValue().email).subscribe({
      next: (res) => {
        this.busy.set(false);
        this.sent.set(res.message);
      },
      error: (err: unknown) => {
        this.busy.set(false);
        this.formError.set(
          httpStatus(err) === 429
            ? 'Too many requests for this address. Please wait a while and try again.'
            : serverFormAlert(this.form, err),
        );
      },
    });
  }
}

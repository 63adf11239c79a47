import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { Router } from '@angular/router';
import { httpStatus } from '../../core/http/api-error';
import { SessionService } from '../../core/session/session.service';
import { ToastService } from '../../core/toast/toast.service';
import { FieldErrorComponent } from '../../shared/forms/field-error.component';
import { controlMessage, serverFormAlert } from '../../shared/forms/form-errors';
import { AccountApiService } from './account-api.service';

const CONFIRM_WORD = 'DELETE';

/** The danger zone: deleting the account, after typing DELETE and the password (and code with two-factor on). */
@Component({
  selector: 'cv-delete-account',
  imports: [ReactiveFormsModule, FieldErrorComponent],
  template: `
    <section class="card danger-zone" aria-labelledby="delete-heading">
      <h2 id="delete-heading">Delete my account</h2>
      <p>
        This erases your account and everything in it: readings, files, prescriptions, notes and messages. Your
        consultations end and your doctors are told. This cannot be undone; download your record first if you want to
        keep a copy.
      </p>
      @if (formError(); as e) {
        <p class="form-alert" role="alert">{{ e }}</p>
      }
      <form [formGroup]="form" (ngSubmit)="submit()" novalidate>
        <div class="field">
          <label for="delete-confirm">Type {{ word }} to confirm</label>
          <input id="delete-confirm" type="text" formControlName="confirm" autocomplete="off" />
        </div>
        <div class="field">
          <label for="delete-password">Your password</label>
          <input
            id="delete-password"
            type="password"
            formControlName="password"
            autocomplete="current-password"
            aria-describedby="delete-password-error"
          />
          <cv-field-error fieldId="delete-password-error" [message]="msg(form.controls.password, 'Password')" />
        </div>
        @if (mfaEnabled()) {
          <div class="field">
            <label for="delete-code">Two-factor code</label>
            <input
              id="delete-code"
              type="text"
              formControlName="code"
              autocomplete="one-time-code"
              aria-describedby="delete-code-error"
            />
            <cv-field-error fieldId="delete-code-error" [message]="msg(form.controls.code, 'Two-factor code')" />
          </div>
        }
        <button type="submit" class="btn btn-danger" [disabled]="busy() || !confirmed()">
          {{ busy() ? 'Deleting…' : 'Delete my account' }}
        </button>
      </form>
    </section>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DeleteAccountComponent {
  private readonly api = inject(AccountApiService);
  private readonly session = inject(SessionService);
  private readonly router = inject(Router);
  private readonly toasts = inject(ToastService);
  protected readonly word = CONFIRM_WORD;
  protected readonly busy = signal(false);
  protected readonly formError = signal<string | null>(null);
  protected readonly msg = controlMessage;
  protected readonly mfaEnabled = computed(() => this.session.user()?.mfaEnabled === true);
  protected readonly form = inject(NonNullableFormBuilder).group({
    confirm: [''],
    password: ['', Validators.required],
    code: [''],
  });
  private readonly confirmText = signal('');
  protected readonly confirmed = computed(() => this.confirmText().trim() === CONFIRM_WORD);

  constructor() {
    this.form.controls.confirm.valueChanges.subscribe((v) => this.confirmText.set(v));
  }

  protected submit(): void {
    this.formError.set(null);
    if (!this.confirmed()) return;
    if (this.form.invalid || (this.mfaEnabled() && !this.form.controls.code.value.trim())) {
      if (this.mfaEnabled() && !this.form.controls.code.value.trim())
        this.form.controls.code.setErrors({ required: true });
      this.form.markAllAsTouched();
      return;
    }
    const { password, code } = this.form.getRawValue();
    this.busy.set(true);
    this.api.deleteAccount({ password, ...(this.mfaEnabled() ? { code: code.trim() } : {}) }).subscribe({
      next: () => {
        this.session.clear();
        this.toasts.success('Your account was deleted.');
        void this.router.navigate(['/auth/login']);
      },
      error: (err: unknown) => {
        this.busy.set(false);
        this.formError.set(
          httpStatus(err) === 401
            ? this.mfaEnabled()
              ? 'The password or the code is not correct.'
              : 'The password is not correct.'
            : serverFormAlert(this.form, err),
        );
      },
    });
  }
}

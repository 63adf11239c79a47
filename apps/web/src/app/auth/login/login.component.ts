import {
  ChangeDetectionStrategy,
  Component,
  effect,
  type ElementRef,
  inject,
  input,
  signal,
  viewChild,
} from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { Router, RouterLink } from '@angular/router';
import { httpStatus } from '../../core/http/api-error';
import { SessionService } from '../../core/session/session.service';
import { ToastService } from '../../core/toast/toast.service';
import { FieldErrorComponent } from '../../shared/forms/field-error.component';
import { controlMessage, serverFormAlert } from '../../shared/forms/form-errors';
import { safeReturnUrl } from '../auth-redirect';

/** Sign in with email and password, then (when two-factor is on) with a code from the app or a recovery code. */
@Component({
  selector: 'cv-login',
  imports: [ReactiveFormsModule, RouterLink, FieldErrorComponent],
  templateUrl: './login.component.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class LoginComponent {
  private readonly session = inject(SessionService);
  private readonly router = inject(Router);
  private readonly toasts = inject(ToastService);
  private readonly fb = inject(NonNullableFormBuilder);

  readonly returnUrl = input<string | undefined>();
  readonly expired = input<string | undefined>();

  protected readonly form = this.fb.group({
    email: ['', [Validators.required, Validators.email]],
    password: ['', Validators.required],
  });
  protected readonly mfaForm = this.fb.group({
    code: ['', [Validators.required, Validators.minLength(6), Validators.maxLength(32)]],
  });
  protected readonly mfaToken = signal<string | null>(null);
  protected readonly busy = signal(false);
  protected readonly formError = signal<string | null>(null);
  protected readonly msg = controlMessage;
  private readonly codeInput = viewChild<ElementRef<HTMLInputElement>>('codeInput');

  constructor() {
    // Keyboard and screen-reader users land on the code field when the second step appears.
    effect(() => this.codeInput()?.nativeElement.focus());
  }

  protected submit(): void {
    this.formError.set(null);
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const { email, password } = this.form.getRawValue();
    this.busy.set(true);
    this.session.login(email, password).subscribe({
      next: (outcome) => {
        this.busy.set(false);
        if (outcome.kind === 'mfa') {
          this.mfaToken.set(outcome.mfaToken);
          return;
        }
        this.finish(outcome.mfaEnrolmentRequired);
      },
      error: (err: unknown) => this.fail(err, this.form),
    });
  }

  protected submitCode(): void {
    const token = this.mfaToken();
    this.formError.set(null);
    if (!token || this.mfaForm.invalid) {
      this.mfaForm.markAllAsTouched();
      return;
    }
    this.busy.set(true);
    this.session.completeMfa(token, this.mfaForm.getRawValue().code.trim()).subscribe({
      next: () => this.finish(this.session.mfaEnrolmentRequired()),
      error: (err: unknown) => this.fail(err, this.mfaForm),
    });
  }

  protected startOver(): void {
    this.mfaToken.set(null);
    this.mfaForm.reset();
    this.formError.set(null);
  }

  private finish(enrolmentRequired: boolean): void {
    this.busy.set(false);
    this.toasts.success(`Welcome, ${this.session.user()?.name ?? ''}.`);
    const target = enrolmentRequired ? '/account' : (safeReturnUrl(this.returnUrl()) ?? this.session.homeUrl());
    void this.router.navigateByUrl(target);
  }

  private fail(err: unknown, form: typeof this.form | typeof this.mfaForm): void {
    this.busy.set(false);
    if (httpStatus(err) === 401) {
      this.formError.set(
        this.mfaToken() ? 'That code is not valid. Try a new code.' : 'The email or password is not correct.',
      );
    } else {
      this.formError.set(serverFormAlert(form, err));
    }
  }
}

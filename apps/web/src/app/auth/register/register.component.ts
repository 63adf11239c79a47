import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { Router, RouterLink } from '@angular/router';
import {
  BIO_MAX_LENGTH,
  EMAIL_MAX_LENGTH,
  NAME_MAX_LENGTH,
  PASSWORD_MAX_LENGTH,
  PASSWORD_MIN_LENGTH,
  type RegisterDto,
  type Role,
  SPECIALTY_MAX_LENGTH,
} from '@cloudvault/contracts';
import { switchMap } from 'rxjs';
import { SessionService } from '../../core/session/session.service';
import { ToastService } from '../../core/toast/toast.service';
import { FieldErrorComponent } from '../../shared/forms/field-error.component';
import { controlMessage, serverFormAlert } from '../../shared/forms/form-errors';

/** Sign-up for patients and doctors (doctors add their specialty and a short bio); signs in on success. */
@Component({
  selector: 'cv-register',
  imports: [ReactiveFormsModule, RouterLink, FieldErrorComponent],
  templateUrl: './register.component.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class RegisterComponent {
  private readonly session = inject(SessionService);
  private readonly router = inject(Router);
  private readonly toasts = inject(ToastService);

  protected readonly limits = { PASSWORD_MIN_LENGTH, PASSWORD_MAX_LENGTH, BIO_MAX_LENGTH };
  protected readonly form = inject(NonNullableFormBuilder).group({
    email: ['', [Validators.required, Validators.email, Validators.maxLength(EMAIL_MAX_LENGTH)]],
    password: [
      '',
      [Validators.required, Validators.minLength(PASSWORD_MIN_LENGTH), Validators.maxLength(PASSWORD_MAX_LENGTH)],
    ],
    name: ['', [Validators.required, Validators.maxLength(NAME_MAX_LENGTH)]],
    role: ['patient' as Role, Validators.required],
    specialty: ['', Validators.maxLength(SPECIALTY_MAX_LENGTH)],
    bio: ['', Validators.maxLength(BIO_MAX_LENGTH)],
  });
  private readonly role = toSignal(this.form.controls.role.valueChanges, {
    initialValue: this.form.controls.role.value,
  });
  protected readonly isDoctor = computed(() => this.role() === 'doctor');
  protected readonly busy = signal(false);
  protected readonly formError = signal<string | null>(null);
  protected readonly msg = controlMessage;

  constructor() {
    this.form.controls.role.valueChanges.pipe(takeUntilDestroyed()).subscribe((role) => {
      const specialty = this.form.controls.specialty;
      specialty.setValidators(
        role === 'doctor' ? [Validators.required, Validators.maxLength(SPECIALTY_MAX_LENGTH)] : [],
      );
      specialty.updateValueAndValidity();
    });
  }

  protected submit(): void {
    this.formError.set(null);
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const v = this.form.getRawValue();
    const body: RegisterDto = { email: v.email.trim(), password: v.password, name: v.name.trim(), role: v.role };
    if (v.role === 'doctor') {
      body.specialty = v.specialty.trim();
      if (v.bio.trim()) body.bio = v.bio.trim();
    }
    this.busy.set(true);
    this.session
      .register(body)
      .pipe(switchMap(() => this.session.login(body.email, body.password)))
      .subscribe({
        next: (outcome) => {
          this.busy.set(false);
          this.toasts.success('Your account is ready.');
          void this.router.navigateByUrl(
            outcome.kind === 'signed-in' && outcome.mfaEnrolmentRequired ? '/account' : this.session.homeUrl(),
          );
        },
        error: (err: unknown) => {
          this.busy.set(false);
          this.formError.set(serverFormAlert(this.form, err, 'The account could not be created.'));
        },
      });
  }
}

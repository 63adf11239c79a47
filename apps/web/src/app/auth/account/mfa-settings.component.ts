import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import type { MfaSetupDto } from '@cloudvault/contracts';
import { switchMap } from 'rxjs';
import { errorMessage, httpStatus } from '../../core/http/api-error';
import { SessionService } from '../../core/session/session.service';
import { ToastService } from '../../core/toast/toast.service';
import { FieldErrorComponent } from '../../shared/forms/field-error.component';
import { controlMessage, serverFormAlert } from '../../shared/forms/form-errors';
import { AccountApiService } from './account-api.service';
import { RecoveryCodesComponent } from './recovery-codes.component';

type Step = 'idle' | 'setup' | 'codes';

/** Two-factor sign-in: set-up with a QR code drawn in the browser, confirmation, recovery codes, and turning it off. */
@Component({
  selector: 'cv-mfa-settings',
  imports: [ReactiveFormsModule, FieldErrorComponent, RecoveryCodesComponent],
  templateUrl: './mfa-settings.component.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class MfaSettingsComponent {
  private readonly api = inject(AccountApiService);
  private readonly session = inject(SessionService);
  private readonly toasts = inject(ToastService);
  private readonly fb = inject(NonNullableFormBuilder);

  protected readonly enabled = computed(() => this.session.user()?.mfaEnabled === true);
  protected readonly step = signal<Step>('idle');
  protected readonly setup = signal<MfaSetupDto | null>(null);
  protected readonly qrDataUrl = signal<string | null>(null);
  protected readonly recoveryCodes = signal<string[]>([]);
  protected readonly busy = signal(false);
  protected readonly formError = signal<string | null>(null);
  protected readonly msg = controlMessage;
  protected readonly enableForm = this.fb.group({ code: ['', [Validators.required, Validators.pattern(/^\d{6}$/)]] });
  protected readonly disableForm = this.fb.group({
    password: ['', Validators.required],
    code: ['', [Validators.required, Validators.minLength(6), Validators.maxLength(32)]],
  });

  protected start(): void {
    this.formError.set(null);
    this.busy.set(true);
    this.api.setupMfa().subscribe({
      next: (setup) => {
        this.setup.set(setup);
        // renderQr never rejects: a QR code that cannot be drawn is null and the key is shown as text
        void this.renderQr(setup.otpauthUrl).then((qr) => {
          this.qrDataUrl.set(qr);
          this.step.set('setup');
          this.busy.set(false);
        });
      },
      error: (err: unknown) => this.fail(err),
    });
  }

  protected confirm(): void {
    this.formError.set(null);
    if (this.enableForm.invalid) {
      this.enableForm.markAllAsTouched();
      return;
    }
    this.busy.set(true);
    this.api.enableMfa(this.enableForm.getRawValue().code).subscribe({
      next: (res) => {
        this.recoveryCodes.set(res.recoveryCodes);
        this.step.set('codes');
        this.setup.set(null);
        this.qrDataUrl.set(null);
        this.enableForm.reset();
        this.busy.set(false);
        this.toasts.success('Two-factor sign-in is on.');
      },
      error: (err: unknown) => this.fail(err, this.enableForm),
    });
  }

  /** The codes were saved: forget them and pick up the new account state (and a token without enrolment limits). */
  protected done(): void {
    this.recoveryCodes.set([]);
    this.step.set('idle');
    this.session.refresh().subscribe({ error: () => undefined });
  }

  protected cancelSetup(): void {
    this.setup.set(null);
    this.qrDataUrl.set(null);
    this.enableForm.reset();
    this.step.set('idle');
  }

  protected disable(): void {
    this.formError.set(null);
    if (this.disableForm.invalid) {
      this.disableForm.markAllAsTouched();
      return;
    }
    this.busy.set(true);
    this.api
      .disableMfa(this.disableForm.getRawValue())
      .pipe(switchMap(() => this.session.reloadUser()))
      .subscribe({
        next: () => {
          this.busy.set(false);
          this.disableForm.reset();
          this.toasts.success('Two-factor sign-in is off.');
        },
        error: (err: unknown) => this.fail(err, this.disableForm),
      });
  }

  private async renderQr(otpauthUrl: string): Promise<string | null> {
    try {
      // qrcode is CommonJS: its functions sit on the default export once bundled.
      const { default: qr } = await import('qrcode');
      return await qr.toDataURL(otpauthUrl, { errorCorrectionLevel: 'M', margin: 2, width: 220 });
    } catch {
      return null;
    }
  }

  private fail(err: unknown, form?: typeof this.enableForm | typeof this.disableForm): void {
    this.busy.set(false);
    const wrong = httpStatus(err) === 401 || httpStatus(err) === 403;
    // only turning it off asks for the password: setting up asks for the code alone
    const wrongText = form === this.disableForm ? 'The code or password is not correct.' : 'The code is not correct.';
    this.formError.set(wrong ? wrongText : form ? serverFormAlert(form, err) : errorMessage(err));
  }
}

import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { SessionService } from '../../core/session/session.service';
import { ToastService } from '../../core/toast/toast.service';
import { AccountApiService } from './account-api.service';

/** The patient's consent to send note texts and file names to the AI summary provider (off by default). */
@Component({
  selector: 'cv-ai-consent',
  template: `
    <section class="card" aria-labelledby="ai-consent-heading">
      <h2 id="ai-consent-heading">AI summaries</h2>
      <p id="ai-consent-help">
        When the server uses an external AI service (Mistral) to write your health summaries, it sends your readings,
        flags and medications without your name, email or exact dates. Your doctors' notes and your file names are only
        sent if you allow it here.
      </p>
      <label class="checkbox">
        <input
          type="checkbox"
          [checked]="consent()"
          [disabled]="busy()"
          (change)="toggle($event)"
          aria-describedby="ai-consent-help"
        />
        Allow note texts and file names to be sent to the AI service
      </label>
    </section>
  `,
  styles: '.checkbox { display: flex; gap: 0.5rem; align-items: flex-start; }',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AiConsentComponent {
  private readonly session = inject(SessionService);
  private readonly api = inject(AccountApiService);
  private readonly toasts = inject(ToastService);

  protected readonly busy = signal(false);
  protected readonly consent = computed(() => this.session.user()?.preferences?.aiFreeTextConsent === true);

  /** The box shows the stored choice until the server has saved the new one. */
  protected toggle(event: Event): void {
    const input = event.target as HTMLInputElement;
    const allowed = input.checked;
    input.checked = this.consent();
    this.busy.set(true);
    this.api.updateProfile({ preferences: { aiFreeTextConsent: allowed } }).subscribe({
      next: (user) => {
        this.busy.set(false);
        this.session.setUser(user);
        this.toasts.success(allowed ? 'Note texts and file names may now be sent.' : 'They will no longer be sent.');
      },
      error: (err: unknown) => {
        this.busy.set(false);
        this.toasts.failure(err, 'Your choice could not be saved.');
      },
    });
  }
}

import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { RouterLink } from '@angular/router';
import { SessionService } from '../../core/session/session.service';
import { DeleteAccountComponent } from './delete-account.component';
import { AiConsentComponent } from './ai-consent.component';
import { MfaSettingsComponent } from './mfa-settings.component';
import { PasswordFormComponent } from './password-form.component';
import { PreferencesFormComponent } from './preferences-form.component';
import { ProfileFormComponent } from './profile-form.component';
import { RecordExportComponent } from './record-export.component';

@Component({
  selector: 'cv-account-page',
  imports: [
    RouterLink,
    ProfileFormComponent,
    PreferencesFormComponent,
    PasswordFormComponent,
    MfaSettingsComponent,
    AiConsentComponent,
    RecordExportComponent,
    DeleteAccountComponent,
  ],
  template: `
    <h1>Account settings</h1>
    @if (isPatient()) {
      <p class="card">
        <a routerLink="/account/health">Health profile</a>
        <span class="muted"> — allergies, conditions, medications and emergency contact for your doctors.</span>
      </p>
    }
    <cv-mfa-settings />
    <cv-profile-form />
    <cv-preferences-form />
    <cv-password-form />
    @if (isPatient()) {
      <cv-ai-consent />
      <cv-record-export />
    }
    <cv-delete-account />
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AccountPageComponent {
  private readonly session = inject(SessionService);
  protected readonly isPatient = computed(() => this.session.role() === 'patient');
}

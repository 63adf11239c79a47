import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { SessionService } from '../../core/session/session.service';
import { DeleteAccountComponent } from './delete-account.component';
import { AiConsentComponent } from './ai-consent.component';
import { MfaSettingsComponent } from './mfa-settings.component';
import { PasswordFormComponent } from './password-form.component';
import { ProfileFormComponent } from './profile-form.component';
import { RecordExportComponent } from './record-export.component';

@Component({
  selector: 'cv-account-page',
  imports: [
    ProfileFormComponent,
    PasswordFormComponent,
    MfaSettingsComponent,
    AiConsentComponent,
    RecordExportComponent,
    DeleteAccountComponent,
  ],
  template: `
    <h1>Account settings</h1>
    <cv-mfa-settings />
    <cv-profile-form />
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

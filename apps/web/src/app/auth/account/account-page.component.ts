import { ChangeDetectionStrategy, Component } from '@angular/core';
import { MfaSettingsComponent } from './mfa-settings.component';
import { PasswordFormComponent } from './password-form.component';
import { ProfileFormComponent } from './profile-form.component';

@Component({
  selector: 'cv-account-page',
  imports: [ProfileFormComponent, PasswordFormComponent, MfaSettingsComponent],
  template: `
    <h1>Account settings</h1>
    <cv-mfa-settings />
    <cv-profile-form />
    <cv-password-form />
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AccountPageComponent {}

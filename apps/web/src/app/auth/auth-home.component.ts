import { ChangeDetectionStrategy, Component } from '@angular/core';

@Component({
  selector: 'cv-auth-home',
  template: '<h1>Auth</h1>',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AuthHomeComponent {}

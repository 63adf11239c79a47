import { ChangeDetectionStrategy, Component } from '@angular/core';

@Component({
  selector: 'cv-doctor-home',
  template: '<h1>Doctor</h1>',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DoctorHomeComponent {}

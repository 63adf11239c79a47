import { ChangeDetectionStrategy, Component } from '@angular/core';

@Component({
  selector: 'cv-patient-home',
  template: '<h1>Patient</h1>',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PatientHomeComponent {}

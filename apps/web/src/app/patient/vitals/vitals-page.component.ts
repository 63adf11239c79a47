import { ChangeDetectionStrategy, Component, viewChild } from '@angular/core';
import { VitalFormComponent } from './vital-form.component';
import { VitalsListComponent } from './vitals-list.component';

@Component({
  selector: 'cv-vitals-page',
  imports: [VitalFormComponent, VitalsListComponent],
  template: `
    <h1>Vitals</h1>
    <cv-vital-form (added)="list()?.reload()" />
    <cv-vitals-list />
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class VitalsPageComponent {
  protected readonly list = viewChild(VitalsListComponent);
}

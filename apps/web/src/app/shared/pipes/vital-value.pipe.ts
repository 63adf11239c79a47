import { inject, Pipe, type PipeTransform } from '@angular/core';
import { SessionService } from '../../core/session/session.service';
import { type DisplayableReading, formatReading } from '../vitals/unit-system';
import { vitalLabel } from '../vitals/vital-display';

/** A reading in the signed-in user's unit system: "128/82 mmHg", "11.8 mmol/L". */
@Pipe({ name: 'vitalValue', pure: false })
export class VitalValuePipe implements PipeTransform {
  private readonly session = inject(SessionService);

  transform(v: DisplayableReading | null | undefined): string {
    return v ? formatReading(v, this.session.units()) : '';
  }
}

/** `blood_pressure` → "Blood pressure". */
@Pipe({ name: 'vitalLabel' })
export class VitalLabelPipe implements PipeTransform {
  transform(type: string | null | undefined): string {
    return type ? vitalLabel(type) : '';
  }
}

import { Pipe, type PipeTransform } from '@angular/core';
import { formatVitalValue, vitalLabel } from '../vitals/vital-display';

/** A reading as text: "128/82 mmHg". */
@Pipe({ name: 'vitalValue' })
export class VitalValuePipe implements PipeTransform {
  transform(
    v: { type: string; systolic?: number; diastolic?: number; value?: number; unit?: string } | null | undefined,
  ): string {
    return v ? formatVitalValue(v) : '';
  }
}

/** `blood_pressure` → "Blood pressure". */
@Pipe({ name: 'vitalLabel' })
export class VitalLabelPipe implements PipeTransform {
  transform(type: string | null | undefined): string {
    return type ? vitalLabel(type) : '';
  }
}

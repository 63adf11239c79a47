import type { GlucoseContext, VitalType } from './vital-types';

/** A coded part of a measurement: LOINC code, its value and UCUM unit. */
export class VitalComponentDto {
  /** @example "systolic" */
  name!: 'systolic' | 'diastolic' | 'value';
  /** LOINC code. @example "8480-6" */
  loinc!: string;
  /** @example "Systolic blood pressure" */
  display!: string;
  /** @example 120 */
  value!: number;
  /** UCUM unit. @example "mm[Hg]" */
  ucumUnit!: string;
}

/** One stored measurement. */
export class VitalDto {
  /** @example "665f1c2e8b3a4d0012345678" */
  id!: string;
  patientId!: string;
  type!: VitalType;
  /** ISO-8601 instant of the measurement. */
  takenAt!: string;
  /** ISO-8601 instant it was recorded. */
  createdAt!: string;
  note?: string;
  /** mm[Hg], blood_pressure only. */
  systolic?: number;
  /** mm[Hg], blood_pressure only. */
  diastolic?: number;
  /** The reading as entered, for every type but blood_pressure. */
  value?: number;
  /** The unit as entered (glucose, weight, temperature). @example "mg/dL" */
  unit?: string;
  /** UCUM unit of the reading. @example "mm[Hg]" */
  ucumUnit!: string;
  /** Glucose only. */
  context?: GlucoseContext;
  /** LOINC code of the observation (the panel for blood pressure). @example "85354-9" */
  loinc!: string;
  /** LOINC display name. */
  loincDisplay!: string;
  /** The coded values (systolic and diastolic for blood pressure; one entry otherwise). */
  components!: VitalComponentDto[];
  /** Glucose, weight, temperature: the value in the statistics unit (mg/dL, kg, Cel). */
  normalizedValue?: number;
  /** UCUM unit of `normalizedValue`. @example "kg" */
  normalizedUnit?: string;
}

/** A page of measurements, newest first. */
export class VitalPageDto {
  items!: VitalDto[];
  /** Pass as `cursor` to get the next page; null on the last page. */
  nextCursor!: string | null;
}

import {
  type CreateVitalDto,
  GLUCOSE_MGDL_PER_MMOLL,
  KG_PER_LB,
  UCUM_UNITS,
  VITAL_LOINC,
  VITAL_STAT_UNITS,
  type VitalInputUnit,
} from '@cloudvault/contracts';
import type { Vital, VitalComponent } from './vital.schema';

/** The coded, normalised fields of a validated measurement (everything but patient and time). */
export type CodedVital = Pick<
  Vital,
  | 'type'
  | 'systolic'
  | 'diastolic'
  | 'value'
  | 'unit'
  | 'ucumUnit'
  | 'context'
  | 'loinc'
  | 'components'
  | 'normalizedValue'
  | 'normalizedUnit'
  | 'statValue'
  | 'statValue2'
>;

const round = (n: number, digits: number) => Math.round(n * 10 ** digits) / 10 ** digits;

/** The value in the statistics unit of its type: glucose mg/dL, weight kg, temperature Cel. */
export function normalise(value: number, unit: VitalInputUnit): number {
  switch (unit) {
    case 'mmol/L':
      return round(value * GLUCOSE_MGDL_PER_MMOLL, 1);
    case 'lb':
      return round(value * KG_PER_LB, 3);
    case '[degF]':
      return round(((value - 32) * 5) / 9, 2);
    default:
      return value;
  }
}

function single(code: { code: string }, value: number, ucumUnit: string): VitalComponent[] {
  return [{ name: 'value', loinc: code.code, value, ucumUnit }];
}

/** Adds LOINC codes, UCUM units and statistics values to a measurement the DTO has validated. */
export function codeVital(dto: CreateVitalDto): CodedVital {
  switch (dto.type) {
    case 'blood_pressure': {
      const systolic = dto.systolic as number;
      const diastolic = dto.diastolic as number;
      return {
        type: dto.type,
        systolic,
        diastolic,
        ucumUnit: UCUM_UNITS.mmHg,
        loinc: VITAL_LOINC.bloodPressurePanel.code,
        components: [
          { name: 'systolic', loinc: VITAL_LOINC.systolic.code, value: systolic, ucumUnit: UCUM_UNITS.mmHg },
          { name: 'diastolic', loinc: VITAL_LOINC.diastolic.code, value: diastolic, ucumUnit: UCUM_UNITS.mmHg },
        ],
        statValue: systolic,
        statValue2: diastolic,
      };
    }
    case 'heart_rate':
    case 'spo2': {
      const value = dto.value as number;
      const code = dto.type === 'heart_rate' ? VITAL_LOINC.heartRate : VITAL_LOINC.spo2;
      const ucumUnit = dto.type === 'heart_rate' ? UCUM_UNITS.perMinute : UCUM_UNITS.percent;
      return {
        type: dto.type,
        value,
        ucumUnit,
        loinc: code.code,
        components: single(code, value, ucumUnit),
        statValue: value,
      };
    }
    case 'glucose':
    case 'weight':
    case 'temperature': {
      const value = dto.value as number;
      const unit = dto.unit as VitalInputUnit;
      const ucumUnit = UCUM_UNITS[unit];
      const code =
        dto.type === 'glucose'
          ? unit === 'mmol/L'
            ? VITAL_LOINC.glucoseMoles
            : VITAL_LOINC.glucoseMass
          : dto.type === 'weight'
            ? VITAL_LOINC.weight
            : VITAL_LOINC.temperature;
      const normalizedValue = normalise(value, unit);
      return {
        type: dto.type,
        value,
        unit,
        ucumUnit,
        ...(dto.type === 'glucose' ? { context: dto.context ?? 'random' } : {}),
        loinc: code.code,
        components: single(code, value, ucumUnit),
        normalizedValue,
        normalizedUnit: VITAL_STAT_UNITS[dto.type],
        statValue: normalizedValue,
      };
    }
  }
}

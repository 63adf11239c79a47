import {
  GLUCOSE_MGDL_PER_MMOLL,
  KG_PER_LB,
  UCUM_UNITS,
  VITAL_TYPE_VALUES,
  type DoctorPatientDto,
  type UnitSystem,
  type VitalCategoryCode,
  type VitalType,
  type WorklistLatestDto,
  type WorklistSort,
} from '@cloudvault/contracts';
import { formatReading } from '../../shared/vitals/unit-system';
import { vitalLabel } from '../../shared/vitals/vital-display';

export const WORKLIST_SORT_OPTIONS: readonly { value: WorklistSort; label: string }[] = [
  { value: 'attention', label: 'Needs attention' },
  { value: 'name', label: 'Name' },
  { value: 'recent', label: 'Recent activity' },
];

export interface WorklistVital {
  type: VitalType;
  label: string;
  text: string;
  category?: VitalCategoryCode;
  takenAt: string;
}

/** A value in the unit it was entered in, converted to its type's statistics unit (mg/dL, kg, °C). */
export function toStatUnit(value: number, unit: string): number {
  switch (unit) {
    case UCUM_UNITS['mmol/L']:
      return value * GLUCOSE_MGDL_PER_MMOLL;
    case UCUM_UNITS.lb:
    case 'lb':
      return value * KG_PER_LB;
    case UCUM_UNITS['[degF]']:
      return ((value - 32) * 5) / 9;
    default:
      return value;
  }
}

/** A patient's latest readings in the fixed vital order, each as display text in the doctor's unit system. */
export function worklistVitals(latest: DoctorPatientDto['latest'], units: UnitSystem): WorklistVital[] {
  return VITAL_TYPE_VALUES.flatMap((type) => {
    const v: WorklistLatestDto | undefined = latest[type];
    if (!v) return [];
    return [
      {
        type,
        label: vitalLabel(type),
        text: formatReading(
          { type, systolic: v.systolic, diastolic: v.diastolic, normalizedValue: toStatUnit(v.value ?? 0, v.unit) },
          units,
        ),
        category: v.category,
        takenAt: v.takenAt,
      },
    ];
  });
}

import {
  VITAL_TYPE_VALUES,
  type DoctorPatientDto,
  type VitalType,
  type WorklistLatestDto,
  type WorklistSort,
} from '@cloudvault/contracts';
import { formatVitalValue, vitalLabel } from '../../shared/vitals/vital-display';

export const WORKLIST_SORT_OPTIONS: readonly { value: WorklistSort; label: string }[] = [
  { value: 'attention', label: 'Needs attention' },
  { value: 'name', label: 'Name' },
  { value: 'recent', label: 'Recent activity' },
];

export interface WorklistVital {
  type: VitalType;
  label: string;
  text: string;
  category?: string;
  takenAt: string;
}

/** A patient's latest readings in the fixed vital order, each as display text. */
export function worklistVitals(latest: DoctorPatientDto['latest']): WorklistVital[] {
  return VITAL_TYPE_VALUES.flatMap((type) => {
    const v: WorklistLatestDto | undefined = latest[type];
    if (!v) return [];
    return [
      {
        type,
        label: vitalLabel(type),
        text: formatVitalValue({ type, ...v }),
        category: v.category,
        takenAt: v.takenAt,
      },
    ];
  });
}

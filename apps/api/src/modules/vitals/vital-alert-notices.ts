import { VITAL_TYPE_LABELS, type VitalCategoryDto, type VitalType } from '@cloudvault/contracts';
import type { NotificationInput } from '../notifications/notifications.service';

/** What the alert says about the reading: the doctors it goes to may read the patient's vitals. */
export interface UrgentReading {
  patientId: string;
  patientName: string;
  type: VitalType;
  /** As the patient entered it, e.g. "190/125 mm[Hg]". */
  reading: string;
  category: VitalCategoryDto;
  /** When the reading was recorded: the alert is sent once per patient, type and hour. */
  at: Date;
}

/** The key that makes a burst of urgent readings one alert per patient, vital type and UTC hour. */
export function vitalAlertKey(r: Pick<UrgentReading, 'patientId' | 'type' | 'at'>): string {
  return `vital.alert:${r.patientId}:${r.type}:${r.at.toISOString().slice(0, 13)}`;
}

export function vitalAlertNotice(r: UrgentReading): NotificationInput {
  return {
    type: 'vital.alert',
    title: `Urgent reading from ${r.patientName}`,
    body: `${VITAL_TYPE_LABELS[r.type]} ${r.reading}: ${r.category.label}`,
    link: `/doctor/patients/${r.patientId}/vitals`,
    dedupeKey: vitalAlertKey(r),
  };
}

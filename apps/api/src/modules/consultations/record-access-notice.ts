import type { NotificationInput } from '../notifications/notifications.service';

/** The key that makes `record.accessed` once per doctor and UTC day (the access log keeps every read). */
export function recordAccessKey(doctorId: string, at: Date): string {
  return `record.accessed:${doctorId}:${at.toISOString().slice(0, 10)}`;
}

/** The patient is told a doctor opened their record today; the details are in their access log. */
export function recordAccessNotice(doctorId: string, doctorName: string, at: Date): NotificationInput {
  return {
    type: 'record.accessed',
    title: `${doctorName} viewed your record`,
    link: '/patient/access-log',
    dedupeKey: recordAccessKey(doctorId, at),
  };
}

/** Every kind of in-app notification (CONTRACT.md, "Notifications"). */
export const NOTIFICATION_TYPES = [
  'consultation.requested',
  'consultation.accepted',
  'consultation.rejected',
  'consultation.ended',
  'message.received',
  'note.shared',
  'prescription.issued',
  'summary.ready',
  'appointment.booked',
  'appointment.cancelled',
  'appointment.rescheduled',
  'appointment.reminder',
  'vital.alert',
  'record.accessed',
] as const;
export type NotificationType = (typeof NOTIFICATION_TYPES)[number];

export const NOTIFICATION_TITLE_MAX_LENGTH = 200;
export const NOTIFICATION_BODY_MAX_LENGTH = 500;

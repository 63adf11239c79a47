/** Lifecycle of a care relationship: pending → active | rejected | cancelled; active → ended. */
export const CONSULTATION_STATUSES = {
  pending: 'pending',
  active: 'active',
  rejected: 'rejected',
  cancelled: 'cancelled',
  ended: 'ended',
} as const;
export type ConsultationStatus = (typeof CONSULTATION_STATUSES)[keyof typeof CONSULTATION_STATUSES];
export const CONSULTATION_STATUS_VALUES: readonly ConsultationStatus[] = Object.values(CONSULTATION_STATUSES);

/** Statuses during which a patient–doctor pair may not open another consultation. */
export const OPEN_CONSULTATION_STATUSES: readonly ConsultationStatus[] = ['pending', 'active'];

export const CONSULTATION_MESSAGE_MAX_LENGTH = 2000;

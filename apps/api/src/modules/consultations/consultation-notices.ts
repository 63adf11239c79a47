import type { ConsultationDto, Role } from '@cloudvault/contracts';
import type { NotificationInput } from '../notifications/notifications.service';
import type { ConsultationAction } from './consultation-state-machine';

/** Whom a consultation event is told to, and what; only names both parties already see. */
export interface ConsultationNotice {
  recipientId: string;
  input: NotificationInput;
}

export function requestNotice(c: ConsultationDto): ConsultationNotice {
  return {
    recipientId: c.doctorId,
    input: {
      type: 'consultation.requested',
      title: `New consultation request from ${c.patient.name}`,
      link: '/doctor',
    },
  };
}

/** The notice for a state change made by `byRole`; none for a patient cancelling their own request. */
export function transitionNotice(
  c: ConsultationDto,
  action: ConsultationAction,
  byRole: Role,
): ConsultationNotice | null {
  const toPatient = (input: NotificationInput): ConsultationNotice => ({ recipientId: c.patientId, input });
  switch (action) {
    case 'accept':
      return toPatient({
        type: 'consultation.accepted',
        title: `${c.doctor.name} accepted your consultation request`,
        link: '/patient/consultations',
      });
    case 'reject':
      return toPatient({
        type: 'consultation.rejected',
        title: `${c.doctor.name} declined your consultation request`,
        link: '/patient/consultations',
      });
    case 'end':
      return byRole === 'doctor'
        ? toPatient({
            type: 'consultation.ended',
            title: `${c.doctor.name} ended your consultation`,
            link: '/patient/consultations',
          })
        : {
            recipientId: c.doctorId,
            input: { type: 'consultation.ended', title: `${c.patient.name} ended their consultation`, link: '/doctor' },
          };
    case 'cancel':
      return null;
  }
}

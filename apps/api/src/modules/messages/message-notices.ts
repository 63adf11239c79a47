import type { ConsultationDto, Role } from '@cloudvault/contracts';
import type { NotificationInput } from '../notifications/notifications.service';

/** The other party is told a message arrived; the text itself stays in the conversation. */
export function messageReceivedNotice(
  c: ConsultationDto,
  senderRole: Role,
): { recipientId: string; input: NotificationInput } {
  return senderRole === 'doctor'
    ? {
        recipientId: c.patientId,
        input: {
          type: 'message.received',
          title: `New message from ${c.doctor.name}`,
          link: `/patient/consultations/${c.id}/messages`,
        },
      }
    : {
        recipientId: c.doctorId,
        input: {
          type: 'message.received',
          title: `New message from ${c.patient.name}`,
          link: `/doctor/patients/${c.patientId}/messages`,
        },
      };
}

import type { ConsultationDto, MessageDto } from '@cloudvault/contracts';
import type { StoredMessage } from './message.schema';

export function toMessageDto(m: StoredMessage, c: ConsultationDto): MessageDto {
  return {
    id: m._id.toHexString(),
    consultationId: m.consultationId.toHexString(),
    senderId: m.senderId.toHexString(),
    senderName: m.senderRole === 'doctor' ? c.doctor.name : c.patient.name,
    senderRole: m.senderRole,
    body: m.body,
    createdAt: m.createdAt.toISOString(),
    ...(m.readAt ? { readAt: m.readAt.toISOString() } : {}),
  };
}

import type { ConsultationDto, ConsultationPartyDto } from '@cloudvault/contracts';
import type { Types } from 'mongoose';
import type { JoinedUser } from '../../common/query/user-lookup';
import type { Consultation } from './consultation.schema';

/** A consultation row joined with both parties' display fields (see ConsultationsService). */
export type ConsultationView = Consultation & {
  _id: Types.ObjectId;
  patient?: Partial<JoinedUser>;
  doctor?: Partial<JoinedUser>;
};

function toParty(id: Types.ObjectId, joined: Partial<JoinedUser> | undefined): ConsultationPartyDto {
  return {
    id: id.toHexString(),
    name: joined?.name ?? 'Deleted account',
    ...(joined?.specialty ? { specialty: joined.specialty } : {}),
  };
}

export function toConsultationDto(c: ConsultationView): ConsultationDto {
  return {
    id: c._id.toHexString(),
    status: c.status,
    patientId: c.patientId.toHexString(),
    doctorId: c.doctorId.toHexString(),
    patient: toParty(c.patientId, c.patient),
    doctor: toParty(c.doctorId, c.doctor),
    ...(c.message ? { message: c.message } : {}),
    history: c.history.map((h) => ({
      status: h.status,
      at: h.at.toISOString(),
      by: h.by.toHexString(),
      byRole: h.byRole,
    })),
    createdAt: c.createdAt.toISOString(),
    updatedAt: c.updatedAt.toISOString(),
  };
}

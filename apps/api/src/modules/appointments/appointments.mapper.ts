import type { AppointmentDto } from '@cloudvault/contracts';
import type { Types } from 'mongoose';
import type { JoinedUser } from '../../common/query/user-lookup';
import type { Appointment } from './appointment.schema';

/** An appointment row joined with both parties' display names (see AppointmentViews). */
export type AppointmentView = Appointment & {
  _id: Types.ObjectId;
  patient?: Partial<JoinedUser>;
  doctor?: Partial<JoinedUser>;
};

export function toAppointmentDto(a: AppointmentView): AppointmentDto {
  return {
    id: a._id.toHexString(),
    doctorId: a.doctorId.toHexString(),
    patientId: a.patientId.toHexString(),
    doctorName: a.doctor?.name ?? 'Deleted account',
    patientName: a.patient?.name ?? 'Deleted account',
    start: a.start.toISOString(),
    end: a.end.toISOString(),
    status: a.status,
    ...(a.reason ? { reason: a.reason } : {}),
    ...(a.timeZone ? { timeZone: a.timeZone } : {}),
    createdAt: a.createdAt.toISOString(),
    ...(a.cancelledAt ? { cancelledAt: a.cancelledAt.toISOString() } : {}),
  };
}

import { FORMER_DOCTOR } from '../users/former-account';
import type { PrescriptionDto } from '@cloudvault/contracts';
import type { Types } from 'mongoose';
import type { JoinedUser } from '../../common/query/user-lookup';
import type { Prescription } from './prescription.schema';

/** A prescription row joined with the issuing doctor's display fields. */
export type PrescriptionView = Prescription & { _id: Types.ObjectId; doctor?: Partial<JoinedUser> };

export function toPrescriptionDto(p: PrescriptionView): PrescriptionDto {
  return {
    id: p._id.toHexString(),
    patientId: p.patientId.toHexString(),
    doctor: {
      id: p.doctorId.toHexString(),
      name: p.doctor?.name ?? FORMER_DOCTOR,
      ...(p.doctor?.specialty ? { specialty: p.doctor.specialty } : {}),
    },
    status: p.status,
    medications: p.medications.map((m) => ({
      name: m.name,
      dose: m.dose,
      frequency: m.frequency,
      ...(m.route ? { route: m.route } : {}),
      ...(m.durationDays !== undefined && m.durationDays !== null ? { durationDays: m.durationDays } : {}),
    })),
    instructions: p.instructions,
    issuedAt: p.createdAt.toISOString(),
    ...(p.cancelledAt ? { cancelledAt: p.cancelledAt.toISOString() } : {}),
    ...(p.cancelReason ? { cancelReason: p.cancelReason } : {}),
  };
}

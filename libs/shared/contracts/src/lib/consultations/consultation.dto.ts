import type { Role } from '../auth/role';
import type { ConsultationStatus } from './consultation-status';

/** One side of a consultation, as the other side sees it (no contact details). */
export class ConsultationPartyDto {
  id!: string;
  name!: string;
  /** Doctors only. */
  specialty?: string;
}

/** A recorded state change: what it became, when and by whom. */
export class ConsultationTransitionDto {
  status!: ConsultationStatus;
  /** ISO-8601 UTC. */
  at!: string;
  /** User id of whoever made the change. */
  by!: string;
  byRole!: Role;
}

export class ConsultationDto {
  id!: string;
  status!: ConsultationStatus;
  /** The same id as `patient.id`. */
  patientId!: string;
  /** The same id as `doctor.id` (what the request was made with). */
  doctorId!: string;
  patient!: ConsultationPartyDto;
  doctor!: ConsultationPartyDto;
  /** The patient's message with the request. */
  message?: string;
  /** Every transition, oldest first (the first is the request itself). */
  history!: ConsultationTransitionDto[];
  createdAt!: string;
  updatedAt!: string;
  /** In the list: messages from the other party that the caller has not read yet. */
  unreadMessages?: number;
}

export class ConsultationPageDto {
  items!: ConsultationDto[];
  /** Pass back as `cursor` for the next page; null on the last page. */
  nextCursor!: string | null;
}

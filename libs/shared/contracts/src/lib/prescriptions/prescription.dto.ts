import type { MedicationRoute, PrescriptionStatus } from './prescription-limits';

export class PrescribedMedicationDto {
  name!: string;
  dose!: string;
  frequency!: string;
  route?: MedicationRoute;
  durationDays?: number;
}

export class PrescriberDto {
  id!: string;
  name!: string;
  specialty?: string;
}

export class PrescriptionDto {
  id!: string;
  patientId!: string;
  doctor!: PrescriberDto;
  status!: PrescriptionStatus;
  medications!: PrescribedMedicationDto[];
  instructions!: string;
  /** ISO-8601 UTC. */
  issuedAt!: string;
  cancelledAt?: string;
  cancelReason?: string;
}

export class PrescriptionPageDto {
  items!: PrescriptionDto[];
  /** Pass back as `cursor` for the next page; null on the last page. */
  nextCursor!: string | null;
}

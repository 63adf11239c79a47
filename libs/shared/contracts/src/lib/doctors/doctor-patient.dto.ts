/** A patient in the doctor's care (active consultation). */
export class DoctorPatientDto {
  id!: string;
  name!: string;
  /** The active consultation. */
  consultationId!: string;
  /** When the doctor accepted (ISO-8601 UTC). */
  since!: string;
  /** Messages from the patient in this consultation that the doctor has not read yet. */
  unreadMessages!: number;
}

export class DoctorPatientPageDto {
  items!: DoctorPatientDto[];
  /** Pass back as `cursor` for the next page; null on the last page. */
  nextCursor!: string | null;
}

/** What a consulting doctor sees of the patient's account. */
export class PatientProfileDto {
  id!: string;
  name!: string;
  email!: string;
  /** Account creation (ISO-8601 UTC). */
  createdAt!: string;
  consultationId!: string;
  /** When the current consultation became active. */
  since!: string;
}

import type { ClinicalProfileDto } from '../clinical/clinical-profile.dto';
import type { VitalCategoryCode } from '../vitals/vital-categories';
import type { VitalType } from '../vitals/vital-types';

/** The latest reading of one type, as the worklist shows it (in the unit it was entered in). */
export class WorklistLatestDto {
  /** Every type but blood pressure. */
  value?: number;
  /** Blood pressure only (mm[Hg]). */
  systolic?: number;
  /** Blood pressure only (mm[Hg]). */
  diastolic?: number;
  /** UCUM unit or the unit as entered. @example "mg/dL" */
  unit!: string;
  /** ISO-8601 UTC. */
  takenAt!: string;
  /** The guideline category of the reading (absent for weight). */
  category?: VitalCategoryCode;
}

/** The patient's next booked appointment with the doctor. */
export class WorklistAppointmentDto {
  id!: string;
  /** ISO-8601 UTC. */
  start!: string;
}

/** A patient in the doctor's care (active consultation), with what the worklist needs to triage. */
export class DoctorPatientDto {
  id!: string;
  name!: string;
  /** The active consultation. */
  consultationId!: string;
  /** When the doctor accepted (ISO-8601 UTC). */
  since!: string;
  /** The latest reading of each vital type the patient has recorded. */
  latest!: Partial<Record<VitalType, WorklistLatestDto>>;
  /** Readings outside the guideline's normal category in the last 7 days. */
  flags7d!: number;
  /** The patient's last activity the doctor can see (a reading, a message); null when none. */
  lastActivityAt!: string | null;
  /** Messages from the patient the doctor has not read. */
  unreadMessages!: number;
  nextAppointment?: WorklistAppointmentDto;
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
  /** The patient's clinical profile (empty lists and `updatedAt: null` when never recorded). */
  clinical!: ClinicalProfileDto;
  /** Whole years, from the profile's date of birth; null when it is not recorded. */
  age!: number | null;
}

import type { VitalType } from '../vitals/vital-types';
import type { VitalCategoryDto } from '../vitals/vitals-summary.dto';
import type { FlagBasis, FlagSeverity, SummaryFlagCode } from './summary-constants';

/** The latest measurement, in the statistics unit. Blood pressure has systolic/diastolic, other types value. */
export class VitalReadingFactDto {
  /** ISO-8601 UTC. */
  takenAt!: string;
  value?: number;
  systolic?: number;
  diastolic?: number;
  /** Glucose only: fasting, post_meal or random. */
  context?: string;
}

/** A statistic (minimum, maximum or mean) of one vital type over the period. */
export class VitalStatFactDto {
  value?: number;
  systolic?: number;
  diastolic?: number;
}

/** Statistics of one vital type over the period, from the patient's vitals summary. */
export class VitalFactDto {
  /** @example "blood_pressure" */
  type!: VitalType;
  /** UCUM statistics unit of every number in this entry (glucose mg/dL, weight kg, temperature Cel). @example "mm[Hg]" */
  unit!: string;
  count!: number;
  latest!: VitalReadingFactDto;
  min!: VitalStatFactDto;
  max!: VitalStatFactDto;
  mean!: VitalStatFactDto;
  /** rising, falling, stable or insufficient_data. */
  trend!: string;
  /** Least-squares change per week in `unit`; null with too few readings. */
  slopePerWeek!: number | null;
  /** Clinical category of the latest reading with its guideline; absent where none applies (weight). */
  category?: VitalCategoryDto;
}

/** A reading that needs attention, raised by the guideline rules. */
export class SummaryFlagDto {
  code!: SummaryFlagCode;
  severity!: FlagSeverity;
  vitalType!: VitalType;
  /** Whether the latest reading or the period's highest/lowest raised it. */
  basis!: FlagBasis;
  /** The reading with its unit. @example "186/124 mm[Hg]" */
  reading!: string;
  /** ISO-8601 UTC; for the latest reading only. */
  takenAt?: string;
}

/** A medication of an active prescription. */
export class MedicationFactDto {
  name!: string;
  dose!: string;
  frequency!: string;
  route?: string;
  durationDays?: number;
  /** Instructions of the prescription it belongs to. */
  instructions?: string;
  /** ISO-8601 UTC. */
  prescribedAt!: string;
}

/** A doctor's note the requester may read (shared notes; for a doctor also their own private ones). */
export class NoteFactDto {
  /** The note text, shortened to a bounded length. */
  body!: string;
  /** shared or private. */
  visibility!: string;
  /** ISO-8601 UTC. */
  writtenAt!: string;
}

/** A stored file: name and date only, never its content. */
export class FileFactDto {
  name!: string;
  /** ISO-8601 UTC. */
  uploadedAt!: string;
}

/** The period the vitals statistics cover. */
export class SummaryPeriodDto {
  /** ISO-8601 UTC. */
  from!: string;
  /** ISO-8601 UTC. */
  to!: string;
}

/**
 * Everything a summary's text was made from. It carries no name, email or id of the patient, so it
 * can be shown, stored and (with identity minimised) sent to an AI provider.
 */
export class SummaryFactsDto {
  /** patient or doctor: whose view of the record these facts are. */
  audience!: string;
  period!: SummaryPeriodDto;
  vitals!: VitalFactDto[];
  flags!: SummaryFlagDto[];
  medications!: MedicationFactDto[];
  notes!: NoteFactDto[];
  files!: FileFactDto[];
}

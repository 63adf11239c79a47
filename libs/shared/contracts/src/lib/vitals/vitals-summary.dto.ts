import type { VitalCategoryCode, VitalSeverity } from './vital-categories';
import type { VitalType } from './vital-types';
import type { VitalDto } from './vital.dto';

/** Count, extremes and mean of one measured quantity, in the statistics unit. */
export class VitalStatsDto {
  /** @example "systolic" */
  metric!: 'systolic' | 'diastolic' | 'value';
  /** @example 118 */
  min!: number;
  /** @example 142 */
  max!: number;
  /** @example 127.4 */
  mean!: number;
}

/** Least-squares slope of the primary quantity over time. */
export class VitalTrendDto {
  /** Change per week in the statistics unit; null with fewer than two distinct times. @example -1.8 */
  slopePerWeek!: number | null;
  /** @example "falling" */
  direction!: 'rising' | 'falling' | 'stable' | 'insufficient_data';
}

/** Clinical category of the latest reading, with the guideline it comes from. */
export class VitalCategoryDto {
  /** @example "hypertension_stage_1" */
  code!: VitalCategoryCode;
  /** @example "Hypertension stage 1" */
  label!: string;
  /** @example "warning" */
  severity!: VitalSeverity;
  /** The guideline the thresholds come from. */
  source!: string;
}

/** One chart point: the range and mean of the readings in a time bucket. */
export class VitalSeriesPointDto {
  /** ISO-8601 start of the bucket. */
  t!: string;
  /** Mean of the primary quantity (systolic for blood pressure). */
  value!: number;
  /** Mean diastolic (blood pressure only). */
  value2?: number;
  /** Lowest and highest reading of the primary quantity in the bucket. */
  min!: number;
  max!: number;
  /** Lowest and highest diastolic in the bucket (blood pressure only). */
  min2?: number;
  max2?: number;
  /** Readings in the bucket. */
  count!: number;
}

/** The contract's figures for one type of measurement: count, latest, extremes, mean, trend, clinical category. */
export class VitalTypeStatsDto {
  type!: VitalType;
  /** UCUM unit of the statistics. @example "mm[Hg]" */
  unit!: string;
  /** @example 42 */
  count!: number;
  latest!: VitalDto;
  /** Primary quantity (systolic for blood pressure, otherwise the normalised value). */
  min!: number;
  max!: number;
  mean!: number;
  /** Per quantity: systolic and diastolic for blood pressure, `value` otherwise. */
  stats!: VitalStatsDto[];
  trend!: VitalTrendDto;
  /** Null where no guideline category applies (weight). */
  category!: VitalCategoryDto | null;
}

/** Everything the summary says about one type of measurement: its figures and its chart series. */
export class VitalTypeSummaryDto extends VitalTypeStatsDto {
  /** Chart series (in `unit`), at most 500 points whatever the number of readings. */
  series!: VitalSeriesPointDto[];
  /** Milliseconds each series point covers. */
  bucketMs!: number;
}

/**
 * Per-type summary of a patient's measurements in a period: `items` lists every type with readings (with chart
 * series); the same figures, without the series, are also keyed by type (`heart_rate`, ...) for direct reading.
 * A type without readings in the period has no entry.
 */
export class VitalsSummaryDto {
  from!: string | null;
  to!: string | null;
  /** ISO-8601 instant the summary was computed. */
  generatedAt!: string;
  /** One entry per type with readings in the period. */
  items!: VitalTypeSummaryDto[];
  blood_pressure?: VitalTypeStatsDto;
  heart_rate?: VitalTypeStatsDto;
  glucose?: VitalTypeStatsDto;
  weight?: VitalTypeStatsDto;
  temperature?: VitalTypeStatsDto;
  spo2?: VitalTypeStatsDto;
}

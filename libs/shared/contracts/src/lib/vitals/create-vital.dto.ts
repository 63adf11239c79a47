import { IsIn, IsISO8601, IsNumber, IsOptional, IsString, MaxLength, ValidateIf } from 'class-validator';
import {
  GLUCOSE_CONTEXT_VALUES,
  type GlucoseContext,
  VITAL_NOTE_MAX_LENGTH,
  VITAL_TYPE_VALUES,
  type VitalInputUnit,
  type VitalType,
} from './vital-types';
import {
  AllowedForTypes,
  BelowSystolic,
  InVitalRange,
  IsPlausibleMeasurementTime,
  IsUnitForType,
} from './vital-validators';

const FINITE = { allowNaN: false, allowInfinity: false } as const;
const BP: readonly VitalType[] = ['blood_pressure'];
const SINGLE_VALUE: readonly VitalType[] = ['heart_rate', 'glucose', 'weight', 'temperature', 'spo2'];
const WITH_UNIT: readonly VitalType[] = ['glucose', 'weight', 'temperature'];
const GLUCOSE: readonly VitalType[] = ['glucose'];

const takes = (types: readonly VitalType[]) => (o: CreateVitalDto) => types.includes(o.type);

/**
 * One measurement, discriminated by `type`: `blood_pressure {systolic, diastolic}`, `heart_rate {value}`,
 * `glucose {value, unit, context?}`, `weight {value, unit}`, `temperature {value, unit}`, `spo2 {value}`.
 * A field the type does not take is rejected; values must be numbers within the plausible range.
 */
export class CreateVitalDto {
  /** Kind of measurement. @example "blood_pressure" */
  @IsIn(VITAL_TYPE_VALUES)
  type!: VitalType;

  /** When it was measured (ISO-8601); defaults to now. Not in the future, not over 120 years ago. @example "2026-01-15T08:30:00Z" */
  @IsOptional()
  @IsISO8601({ strict: true, strictSeparator: true })
  @IsPlausibleMeasurementTime()
  takenAt?: string;

  /** Free-text note (max 1000 characters). */
  @IsOptional()
  @IsString()
  @MaxLength(VITAL_NOTE_MAX_LENGTH)
  note?: string;

  /** Systolic pressure in mm[Hg] (blood_pressure only, 50-300). @example 120 */
  @ValidateIf((o: CreateVitalDto) => o.systolic !== undefined || takes(BP)(o))
  @AllowedForTypes(BP)
  @IsNumber(FINITE)
  @InVitalRange()
  systolic?: number;

  /** Diastolic pressure in mm[Hg] (blood_pressure only, 20-200, below systolic). @example 80 */
  @ValidateIf((o: CreateVitalDto) => o.diastolic !== undefined || takes(BP)(o))
  @AllowedForTypes(BP)
  @IsNumber(FINITE)
  @InVitalRange()
  @BelowSystolic()
  diastolic?: number;

  /** The reading for every type but blood_pressure, in `unit` (heart rate /min, SpO2 %). @example 72 */
  @ValidateIf((o: CreateVitalDto) => o.value !== undefined || takes(SINGLE_VALUE)(o))
  @AllowedForTypes(SINGLE_VALUE)
  @IsNumber(FINITE)
  @InVitalRange()
  value?: number;

  /** Unit for glucose (`mg/dL`, `mmol/L`), weight (`kg`, `lb`) and temperature (`Cel`, `[degF]`); required for those. @example "mg/dL" */
  @ValidateIf((o: CreateVitalDto) => o.unit !== undefined || takes(WITH_UNIT)(o))
  @AllowedForTypes(WITH_UNIT)
  @IsUnitForType()
  unit?: VitalInputUnit;

  /** Glucose only: when it was measured relative to meals; defaults to `random`. @example "fasting" */
  @ValidateIf((o: CreateVitalDto) => o.context !== undefined)
  @AllowedForTypes(GLUCOSE)
  @IsIn(GLUCOSE_CONTEXT_VALUES)
  context?: GlucoseContext;
}

import { IsIn, IsLocale, IsOptional, IsTimeZone } from 'class-validator';

export const UNIT_SYSTEMS = { metric: 'metric', us: 'us' } as const;
export type UnitSystem = (typeof UNIT_SYSTEMS)[keyof typeof UNIT_SYSTEMS];
export const UNIT_SYSTEM_VALUES: readonly UnitSystem[] = Object.values(UNIT_SYSTEMS);
export const DEFAULT_UNIT_SYSTEM: UnitSystem = 'metric';

/**
 * How the signed-in user wants figures and dates shown. `timeZone` and `locale` are present once chosen;
 * until then the SPA uses the browser's.
 */
export class UserPreferencesDto {
  /** `metric` (mmol/L, kg, °C) or `us` (mg/dL, lb, °F); blood pressure is mmHg in both. @example "metric" */
  units!: UnitSystem;
  /** IANA time zone name. @example "Europe/Paris" */
  timeZone?: string;
  /** BCP 47 language tag. @example "en-GB" */
  locale?: string;
}

/** A partial change of the preferences: only the fields sent change. */
export class UpdatePreferencesDto {
  @IsOptional()
  @IsIn(UNIT_SYSTEM_VALUES)
  units?: UnitSystem;

  /** IANA time zone name (400 otherwise). @example "Europe/Paris" */
  @IsOptional()
  @IsTimeZone()
  timeZone?: string;

  /** BCP 47 language tag. @example "en-GB" */
  @IsOptional()
  @IsLocale()
  locale?: string;
}

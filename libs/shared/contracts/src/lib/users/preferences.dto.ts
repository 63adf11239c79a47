import { IsBoolean, IsIn, IsLocale, IsOptional, IsTimeZone } from 'class-validator';

export const UNIT_SYSTEMS = { metric: 'metric', us: 'us' } as const;
export type UnitSystem = (typeof UNIT_SYSTEMS)[keyof typeof UNIT_SYSTEMS];
export const UNIT_SYSTEM_VALUES: readonly UnitSystem[] = Object.values(UNIT_SYSTEMS);
export const DEFAULT_UNIT_SYSTEM: UnitSystem = 'metric';

/**
 * The account's preferences. `timeZone` and `locale` are present once chosen; until then the SPA uses the
 * browser's.
 */
export class UserPreferencesDto {
  /**
   * Whether note texts and file names may be sent to the external AI provider (Mistral) that writes summaries.
   * Off by default: without it the provider gets vitals, flags and medications only, with no exact dates.
   */
  aiFreeTextConsent!: boolean;
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
  @IsBoolean()
  aiFreeTextConsent?: boolean;

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

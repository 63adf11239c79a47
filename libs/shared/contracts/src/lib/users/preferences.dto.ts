import { IsBoolean, IsOptional } from 'class-validator';

/** The account's preferences. */
export class UserPreferencesDto {
  /**
   * Whether note texts and file names may be sent to the external AI provider (Mistral) that writes summaries.
   * Off by default: without it the provider gets vitals, flags and medications only, with no exact dates.
   */
  aiFreeTextConsent!: boolean;
}

/** Changes to the preferences; omitted fields stay as they are. */
export class UpdatePreferencesDto {
  @IsOptional()
  @IsBoolean()
  aiFreeTextConsent?: boolean;
}

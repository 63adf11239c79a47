import { IsISO8601, IsOptional } from 'class-validator';

/** Optional period of the vitals statistics; defaults to the last 90 days up to now. */
export class CreateSummaryDto {
  /** ISO-8601 date or date-time. @example "2026-01-01" */
  @IsOptional()
  @IsISO8601({ strict: true })
  from?: string;

  /** ISO-8601 date or date-time; not before `from`. @example "2026-03-31T23:59:59Z" */
  @IsOptional()
  @IsISO8601({ strict: true })
  to?: string;
}

import { IsISO8601, IsOptional } from 'class-validator';

/** The period a summary covers; both bounds optional (default: every reading). */
export class VitalsSummaryQueryDto {
  /** Readings taken at or after this instant (ISO-8601). */
  @IsOptional()
  @IsISO8601({ strict: true })
  from?: string;

  /** Readings taken at or before this instant (ISO-8601). */
  @IsOptional()
  @IsISO8601({ strict: true })
  to?: string;
}

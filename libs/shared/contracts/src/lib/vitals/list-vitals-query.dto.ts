import { Type } from 'class-transformer';
import { IsIn, IsInt, IsISO8601, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { MAX_PAGE_LIMIT } from '../common/page';
import { VITAL_TYPE_VALUES, type VitalType } from './vital-types';

/** Filters and keyset paging for a patient's measurements (newest first). */
export class ListVitalsQueryDto {
  /** Only this kind of measurement. */
  @IsOptional()
  @IsIn(VITAL_TYPE_VALUES)
  type?: VitalType;

  /** Measurements taken at or after this instant (ISO-8601). */
  @IsOptional()
  @IsISO8601({ strict: true })
  from?: string;

  /** Measurements taken at or before this instant (ISO-8601). */
  @IsOptional()
  @IsISO8601({ strict: true })
  to?: string;

  /** Page size, 1-500 (default 50). */
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_LIMIT)
  limit?: number;

  /** Opaque cursor: the `nextCursor` of the previous page. */
  @IsOptional()
  @IsString()
  @MaxLength(200)
  @Matches(/^[A-Za-z0-9_-]+$/, { message: 'cursor is not valid' })
  cursor?: string;
}

import { Type } from 'class-transformer';
import { IsInt, IsISO8601, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { MAX_PAGE_LIMIT } from '../common/page';
import { FILE_QUERY_MAX_LENGTH } from './file-types';

/** Search, date filters and keyset paging for a patient's files (newest first). */
export class ListFilesQueryDto {
  /** Case-insensitive text to find in the name or description. */
  @IsOptional()
  @IsString()
  @MaxLength(FILE_QUERY_MAX_LENGTH)
  q?: string;

  /** Files uploaded at or after this instant (ISO-8601). */
  @IsOptional()
  @IsISO8601({ strict: true })
  from?: string;

  /** Files uploaded at or before this instant (ISO-8601). */
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

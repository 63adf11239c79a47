import { IsISO8601, IsOptional, IsString, MaxLength } from 'class-validator';
import { PageQueryDto } from '../common/page-query.dto';
import { FILE_QUERY_MAX_LENGTH } from './file-types';

/** Search, date filters and keyset paging for a patient's files (newest first). */
export class ListFilesQueryDto extends PageQueryDto {
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
}

import { IsIn, IsISO8601, IsOptional } from 'class-validator';
import { PageQueryDto } from '../common/page-query.dto';
import { VITAL_TYPE_VALUES, type VitalType } from './vital-types';

/** Filters and keyset paging for a patient's measurements (newest first). */
export class ListVitalsQueryDto extends PageQueryDto {
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
}

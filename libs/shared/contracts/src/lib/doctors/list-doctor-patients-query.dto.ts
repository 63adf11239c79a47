import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { PageQueryDto } from '../common/page-query.dto';

export const WORKLIST_SORT_VALUES = ['attention', 'name', 'recent'] as const;
export type WorklistSort = (typeof WORKLIST_SORT_VALUES)[number];

export class ListDoctorPatientsQueryDto extends PageQueryDto {
  /** Case-insensitive text matched against the patient's name (taken literally). */
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;

  /**
   * `attention` (default): most out-of-range readings in 7 days first, then most recent activity;
   * `name`: alphabetical; `recent`: latest activity first.
   */
  @IsOptional()
  @IsIn(WORKLIST_SORT_VALUES)
  sort?: WorklistSort;
}

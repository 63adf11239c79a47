import { IsOptional, IsString, MaxLength } from 'class-validator';
import { PageQueryDto } from '../common/page-query.dto';

export class ListDoctorPatientsQueryDto extends PageQueryDto {
  /** Case-insensitive text matched against the patient's name (taken literally). */
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;
}

import { IsOptional, IsString, MaxLength } from 'class-validator';
import { PageQueryDto } from '../common/page-query.dto';

export class ListDoctorsQueryDto extends PageQueryDto {
  /** Case-insensitive text matched against name or specialty (taken literally, not as a pattern). */
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;

  /** Case-insensitive exact specialty. @example "Cardiology" */
  @IsOptional()
  @IsString()
  @MaxLength(100)
  specialty?: string;
}

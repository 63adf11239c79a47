import { IsIn, IsOptional } from 'class-validator';
import { PageQueryDto } from '../common/page-query.dto';
import { CONSULTATION_STATUS_VALUES, type ConsultationStatus } from './consultation-status';

export class ListConsultationsQueryDto extends PageQueryDto {
  /** Only consultations in this status. */
  @IsOptional()
  @IsIn(CONSULTATION_STATUS_VALUES)
  status?: ConsultationStatus;
}

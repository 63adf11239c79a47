import { IsIn, IsOptional } from 'class-validator';
import { PageQueryDto } from '../common/page-query.dto';
import { PRESCRIPTION_STATUS_VALUES, type PrescriptionStatus } from './prescription-limits';

export class ListPrescriptionsQueryDto extends PageQueryDto {
  /** Only prescriptions in this status. */
  @IsOptional()
  @IsIn(PRESCRIPTION_STATUS_VALUES)
  status?: PrescriptionStatus;
}

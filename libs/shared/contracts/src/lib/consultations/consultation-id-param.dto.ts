import { IsMongoId } from 'class-validator';

export class ConsultationIdParamDto {
  /** Consultation id. */
  @IsMongoId()
  id!: string;
}

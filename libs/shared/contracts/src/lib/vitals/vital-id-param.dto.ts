import { IsMongoId } from 'class-validator';

export class VitalIdParamDto {
  /** The measurement's id (24 hex characters). */
  @IsMongoId()
  id!: string;
}

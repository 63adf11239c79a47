import { IsMongoId } from 'class-validator';

export class FileIdParamDto {
  /** The file's id (24 hex characters). */
  @IsMongoId()
  id!: string;
}

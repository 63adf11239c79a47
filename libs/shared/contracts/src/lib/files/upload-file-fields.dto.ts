import { IsOptional, IsString, MaxLength } from 'class-validator';
import { FILE_DESCRIPTION_MAX_LENGTH } from './file-types';

/** The text fields of the multipart upload besides `file`. */
export class UploadFileFieldsDto {
  /** What the document is (max 1000 characters). @example "Blood test results, March" */
  @IsOptional()
  @IsString()
  @MaxLength(FILE_DESCRIPTION_MAX_LENGTH)
  description?: string;
}

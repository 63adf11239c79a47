import { IsMongoId } from 'class-validator';

export class NotificationIdParamDto {
  /** Notification id. */
  @IsMongoId()
  id!: string;
}

import { IsString, Length, Matches } from 'class-validator';
import { MESSAGE_BODY_MAX_LENGTH } from './message.dto';

export class CreateMessageDto {
  /** Plain text, 1 to 4,000 characters, not only whitespace. */
  @IsString()
  @Length(1, MESSAGE_BODY_MAX_LENGTH)
  @Matches(/\S/, { message: 'body must not be blank' })
  body!: string;
}

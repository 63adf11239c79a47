import { BadRequestException } from '@nestjs/common';
import { isMongoId } from 'class-validator';

/** The one ObjectId check of the API: the contracts' `@IsMongoId` rule (24 hex digits, either case). */
export function isObjectId(value: unknown): value is string {
  return typeof value === 'string' && isMongoId(value);
}

/** A malformed id as the ValidationPipe reports one: a 400 naming the field. */
export function invalidObjectId(field: string): BadRequestException {
  return new BadRequestException({
    message: 'Validation failed',
    details: [{ field, message: `${field} must be a mongodb id` }],
  });
}

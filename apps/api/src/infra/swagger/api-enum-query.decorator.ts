import { ApiQuery } from '@nestjs/swagger';

/**
 * Documents an optional query parameter typed with one of the contracts' `as const` unions (a vital type, a
 * status): the swagger plugin sees only `Object` there, so the allowed values are listed explicitly.
 */
export const ApiEnumQuery = (name: string, values: readonly string[], description: string): MethodDecorator =>
  ApiQuery({ name, required: false, enum: [...values], description });

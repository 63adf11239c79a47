import { type ArgumentMetadata, BadRequestException, ValidationPipe, type ValidationError } from '@nestjs/common';
import type { FieldError } from '../http/error-body';

/** Flattens class-validator's nested errors into `{field: "a.b.0.c", message}` pairs. */
export function flattenValidationErrors(errors: ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((e) => {
    const field = parent ? `${parent}.${e.property}` : e.property;
    const own = Object.values(e.constraints ?? {}).map((message) => ({ field, message }));
    return [...own, ...flattenValidationErrors(e.children ?? [], field)];
  });
}

/** Keys JSON.parse keeps as own properties but class-transformer silently drops, so the whitelist never sees them. */
const PROTOTYPE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** Every `__proto__`/`constructor`/`prototype` key in a parsed body, with its path. */
function findPrototypeKeys(value: unknown, parent = ''): FieldError[] {
  if (typeof value !== 'object' || value === null) return [];
  return Object.keys(value).flatMap((key) => {
    const field = parent ? `${parent}.${key}` : key;
    const own = PROTOTYPE_KEYS.has(key) ? [{ field, message: `property ${key} should not exist` }] : [];
    return [...own, ...findPrototypeKeys((value as Record<string, unknown>)[key], field)];
  });
}

/** The whitelist, extended to the keys class-transformer drops before validation (they are unknown fields too). */
class StrictValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const details = metadata.type === 'custom' ? [] : findPrototypeKeys(value);
    if (details.length) throw new BadRequestException({ message: 'Validation failed', details });
    return super.transform(value, metadata);
  }
}

/** Whitelisting, transforming validation; unknown fields are rejected, failures carry per-field details. */
export function createValidationPipe(): ValidationPipe {
  return new StrictValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    validationError: { target: false, value: false },
    exceptionFactory: (errors) =>
      new BadRequestException({ message: 'Validation failed', details: flattenValidationErrors(errors) }),
  });
}

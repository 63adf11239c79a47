import { type ArgumentMetadata, BadRequestException, ValidationPipe, type ValidationError } from '@nestjs/common';
import type { FieldError } from '../http/error-body';
import { MAX_JSON_DEPTH, walkJson } from '../http/json-depth';

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

/** Every `__proto__`/`constructor`/`prototype` key in a parsed body, with its path (no recursion, bounded depth). */
function findPrototypeKeys(value: unknown): FieldError[] {
  const found: FieldError[] = [];
  walkJson(value, MAX_JSON_DEPTH, (node, path, depth) => {
    if (depth > MAX_JSON_DEPTH) {
      found.push({ field: path || 'body', message: `must not be nested deeper than ${MAX_JSON_DEPTH} levels` });
      return;
    }
    for (const key of Object.keys(node))
      if (PROTOTYPE_KEYS.has(key))
        found.push({ field: path ? `${path}.${key}` : key, message: `property ${key} should not exist` });
  });
  return found;
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

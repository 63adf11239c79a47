import type { OpenAPIObject } from '@nestjs/swagger';

type Schema = Record<string, unknown> & { type?: string; enum?: unknown[]; items?: Schema; properties?: Record<string, Schema> };

const STRUCTURAL_KEYS = ['properties', 'additionalProperties', 'allOf', 'oneOf', 'anyOf', '$ref'];

/**
 * The swagger compiler plugin cannot see through the contracts' `as const` unions (`Role`, `VitalType`,
 * statuses…) and describes them as `type: object`. A DTO property that is an object always has a nested
 * class (`$ref`/`allOf`) or explicit properties, so an `object` with neither is such a literal union:
 * it is really a string (or a number, when its enum says so).
 */
export function fixLiteralUnionSchemas(document: OpenAPIObject): void {
  const fix = (s: Schema | undefined): void => {
    if (!s || typeof s !== 'object') return;
    if (s.type === 'object' && !STRUCTURAL_KEYS.some((k) => k in s)) {
      s.type = s.enum?.length && s.enum.every((v) => typeof v === 'number') ? 'number' : 'string';
    }
    if (s.type === 'array') fix(s.items);
  };
  for (const schema of Object.values(document.components?.schemas ?? {}) as Schema[]) {
    for (const prop of Object.values(schema.properties ?? {})) fix(prop);
  }
}

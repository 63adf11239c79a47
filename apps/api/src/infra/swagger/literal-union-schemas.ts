import type { OpenAPIObject } from '@nestjs/swagger';

type Schema = Record<string, unknown> & {
  type?: string;
  enum?: unknown[];
  items?: Schema;
  properties?: Record<string, Schema>;
};

const STRUCTURAL_KEYS = ['properties', 'additionalProperties', 'allOf', 'oneOf', 'anyOf', '$ref'];
const OBJECT_REF = '#/components/schemas/Object';

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
  // query parameters of such a type point at an empty `Object` schema (next to the enum `ApiEnumQuery` adds)
  for (const item of Object.values(document.paths)) {
    for (const op of Object.values(item) as Array<{ parameters?: Array<{ schema?: Schema }> }>) {
      for (const param of op?.parameters ?? []) {
        if (param.schema?.$ref !== OBJECT_REF) continue;
        delete param.schema.$ref;
        param.schema.type = 'string';
      }
    }
  }
  delete document.components?.schemas?.['Object'];
}

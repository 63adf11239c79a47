import type { OperationShape } from './hostile';

interface SchemaRef {
  $ref?: string;
  properties?: Record<string, unknown>;
}
interface Operation {
  parameters?: { name: string; in: string }[];
  requestBody?: { content?: Record<string, { schema?: SchemaRef }> };
}
export interface OpenApiDoc {
  paths: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, SchemaRef> };
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'];

function propertyNames(doc: OpenApiDoc, schema: SchemaRef | undefined): string[] {
  const resolved = schema?.$ref ? doc.components?.schemas?.[schema.$ref.split('/').pop() ?? ''] : schema;
  return Object.keys(resolved?.properties ?? {});
}

/** Every operation of the OpenAPI document with the parameter and body field names it documents. */
export function operationsOf(doc: OpenApiDoc): OperationShape[] {
  return Object.entries(doc.paths).flatMap(([path, item]) =>
    Object.entries(item)
      .filter(([method]) => METHODS.includes(method))
      .map(([method, op]) => {
        const content = op.requestBody?.content ?? {};
        const multipart = 'multipart/form-data' in content;
        return {
          method: method.toUpperCase(),
          path,
          pathParams: (op.parameters ?? []).filter((p) => p.in === 'path').map((p) => p.name),
          queryParams: (op.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name),
          bodyKeys: propertyNames(doc, (content['application/json'] ?? content['multipart/form-data'])?.schema),
          multipart,
          json: 'application/json' in content,
        };
      }),
  );
}

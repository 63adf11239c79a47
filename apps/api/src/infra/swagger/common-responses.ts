import type { OpenAPIObject } from '@nestjs/swagger';

type Operation = { requestBody?: { content?: Record<string, unknown> }; responses?: Record<string, unknown> };

const errorResponse = (description: string) => ({
  description,
  content: { 'application/json': { schema: { $ref: '#/components/schemas/ErrorDto' } } },
});

/**
 * Answers any operation can give without its controller declaring them one by one: 503 when a dependency
 * (database, object store) is down, and 413 wherever a JSON body is read (over 1 MB). Declared ones win.
 */
export function addCommonResponses(document: OpenAPIObject): void {
  for (const item of Object.values(document.paths)) {
    for (const op of Object.values(item) as Operation[]) {
      if (!op?.responses) continue;
      op.responses['503'] ??= errorResponse(
        'A dependency (database, object store) is unavailable; nothing was changed',
      );
      if (op.requestBody?.content?.['application/json']) op.responses['413'] ??= errorResponse('JSON body over 1 MB');
    }
  }
}

import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { addCommonResponses } from './common-responses';
import { fixLiteralUnionSchemas } from './literal-union-schemas';

export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('CloudVault API')
    .setDescription(
      'Health records for patients and the doctors they choose. Every error has the shape {statusCode, error, message, details?}.',
    )
    .setVersion('1.0.0')
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' }, 'bearer')
    .addSecurityRequirements('bearer')
    .build();
  const document = SwaggerModule.createDocument(app, config);
  markPublicOperations(document);
  fixLiteralUnionSchemas(document);
  addCommonResponses(document);
  return document;
}

/** Operations marked by `@Public()` need no bearer token: their `security` becomes empty. */
function markPublicOperations(document: OpenAPIObject): void {
  for (const item of Object.values(document.paths)) {
    for (const op of Object.values(item) as Array<Record<string, unknown>>) {
      if (op && typeof op === 'object' && op['x-public']) {
        op['security'] = [];
        delete op['x-public'];
      }
    }
  }
}

/** Swagger UI at /api/docs and the OpenAPI 3 JSON at /api/docs-json. */
export function setupSwagger(app: INestApplication): void {
  SwaggerModule.setup('api/docs', app, () => buildOpenApiDocument(app), {
    jsonDocumentUrl: 'api/docs-json',
    yamlDocumentUrl: 'api/docs-yaml',
  });
}

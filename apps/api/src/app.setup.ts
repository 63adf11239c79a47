import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import compression from 'compression';
import cookieParser from 'cookie-parser';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module';
import { bodyParserErrors } from './common/filters/body-parser-errors.middleware';
import { jsonDepthLimit } from './common/filters/json-depth.middleware';
import { noStore } from './common/http/no-store.middleware';
import { createValidationPipe } from './common/pipes/validation.pipe';
import { AppConfigService } from './config/app-config.service';
import { createSocketAdapter } from './infra/redis/socket-io.adapter';
import { setupSwagger } from './infra/swagger/swagger.setup';

/**
 * Creates the fully configured application (not yet listening). `main.ts` and every e2e test use this,
 * so tests exercise exactly what production runs.
 */
export async function createApp(): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(), {
    bodyParser: false,
    bufferLogs: true,
  });
  const config = app.get(AppConfigService);
  app.useLogger(app.get(Logger));
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');
  app.setGlobalPrefix('api');
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          styleSrc: ["'self'", "'unsafe-inline'"],
          imgSrc: ["'self'", 'data:', 'blob:'],
          connectSrc: ["'self'"],
          fontSrc: ["'self'", 'data:'],
          objectSrc: ["'none'"],
          frameAncestors: ["'none'"],
          upgradeInsecureRequests: config.isProduction ? [] : null,
        },
      },
      hsts: config.isProduction ? { maxAge: 31536000, includeSubDomains: true } : false,
      crossOriginEmbedderPolicy: false,
    }),
  );
  app.use('/api', noStore);
  app.use(cookieParser());
  app.use(compression());
  app.useBodyParser('json', { limit: config.jsonBodyLimit });
  app.use(bodyParserErrors);
  app.use(jsonDepthLimit);
  const allowed = new Set(config.corsOrigins);
  app.enableCors({
    origin: (origin, cb) => cb(null, !origin || allowed.has(origin)),
    credentials: true,
    exposedHeaders: ['x-request-id', 'retry-after', 'content-disposition'],
  });
  app.useGlobalPipes(createValidationPipe());
  app.useWebSocketAdapter(createSocketAdapter(app));
  setupSwagger(app);
  return app;
}

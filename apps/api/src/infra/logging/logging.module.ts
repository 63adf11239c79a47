import { Module } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { LoggerModule } from 'nestjs-pino';
import { destination } from 'pino';
import type { Options as PinoHttpOptions } from 'pino-http';
import { AppConfigService } from '../../config/app-config.service';
import { devLogStream } from './dev-log-stream';

const REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/;

/** Paths whose values never reach a log line. */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
  '*.password',
  '*.currentPassword',
  '*.newPassword',
  '*.accessToken',
  '*.refreshToken',
  '*.mfaToken',
  '*.token',
  '*.secret',
  '*.apiKey',
];

/**
 * Structured JSON logs with a request id on every line; URLs are logged without their query (search terms).
 * In development the same lines are printed readably (pino-pretty) when it is installed; in production they are
 * written asynchronously.
 */
@Module({
  imports: [
    LoggerModule.forRootAsync({
      inject: [AppConfigService],
      useFactory: async (config: AppConfigService) => {
        const options: PinoHttpOptions = {
          level: config.logLevel,
          redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
          genReqId: (req: IncomingMessage, res: ServerResponse) => {
            const incoming = req.headers['x-request-id'];
            const id = typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
            res.setHeader('x-request-id', id);
            return id;
          },
          serializers: {
            req: (req: { id: string; method: string; url: string }) => ({
              id: req.id,
              method: req.method,
              url: req.url.split('?')[0],
            }),
            res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
          },
          customLogLevel: (_req: IncomingMessage, res: ServerResponse, err?: Error) =>
            err || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info',
        };
        const stream = config.isProduction
          ? // buffered while a write is in flight (one write per burst, not per line); flushed on exit by pino
            destination({ dest: 1, sync: false })
          : config.nodeEnv === 'development'
            ? await devLogStream()
            : undefined;
        return { pinoHttp: stream ? [options, stream] : options };
      },
    }),
  ],
})
export class LoggingModule {}

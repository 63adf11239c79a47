import { Injectable, type NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { requestContext } from './request-context';

@Injectable()
export class RequestContextMiddleware implements NestMiddleware {
  use(req: Request & { id?: string }, _res: Response, next: NextFunction): void {
    const ua = req.headers['user-agent'];
    requestContext.run(
      { requestId: req.id, ip: req.ip, userAgent: typeof ua === 'string' ? ua.slice(0, 256) : undefined },
      next,
    );
  }
}

import type { NextFunction, Request, Response } from 'express';
import { toErrorBody } from './error-mapping';

/**
 * Answers body-parser failures (malformed JSON, body too large, bad charset) in the contract's shape
 * right where they happen, before any route or Nest handler sees the request.
 */
export function bodyParserErrors(err: unknown, _req: Request, res: Response, next: NextFunction): void {
  const type = (err as { type?: unknown } | null)?.type;
  if (
    typeof type !== 'string' ||
    (!type.startsWith('entity.') && !type.startsWith('charset.') && !type.startsWith('encoding.'))
  ) {
    next(err);
    return;
  }
  const body = toErrorBody(err);
  res.status(body.statusCode).json(body);
}

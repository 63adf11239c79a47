import type { NextFunction, Request, Response } from 'express';
import { errorBody } from '../http/error-body';
import { MAX_JSON_DEPTH, nestsDeeperThan } from '../http/json-depth';

/**
 * Refuses parsed JSON bodies nested deeper than MAX_JSON_DEPTH levels with 400 in the contract's shape,
 * on every route, before validation and handlers (whose recursive code would otherwise see them).
 */
export function jsonDepthLimit(req: Request, res: Response, next: NextFunction): void {
  if (!nestsDeeperThan(req.body, MAX_JSON_DEPTH)) {
    next();
    return;
  }
  res
    .status(400)
    .json(
      errorBody(400, 'Validation failed', [
        { field: 'body', message: `body must not be nested deeper than ${MAX_JSON_DEPTH} levels` },
      ]),
    );
}

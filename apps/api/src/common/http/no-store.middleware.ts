import type { NextFunction, Request, Response } from 'express';

/** API answers may carry PHI: no browser or proxy keeps any of them (routes may still set their own). */
export function noStore(_req: Request, res: Response, next: NextFunction): void {
  res.setHeader('Cache-Control', 'no-store');
  next();
}

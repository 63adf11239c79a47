import type { CookieOptions, Request, Response } from 'express';
import { REFRESH_COOKIE_NAME } from '@cloudvault/contracts';

/** The SPA's refresh token: httpOnly, SameSite=Strict, sent only to /api/auth, Secure in production. */
function options(secure: boolean): CookieOptions {
  return { httpOnly: true, sameSite: 'strict', secure, path: '/api/auth' };
}

export function setRefreshCookie(res: Response, token: string, opts: { secure: boolean; maxAgeMs: number }): void {
  res.cookie(REFRESH_COOKIE_NAME, token, { ...options(opts.secure), maxAge: opts.maxAgeMs });
}

export function clearRefreshCookie(res: Response, secure: boolean): void {
  res.clearCookie(REFRESH_COOKIE_NAME, options(secure));
}

/** The body's token wins; otherwise the cookie's. */
export function readRefreshToken(req: Request, bodyToken: string | undefined): string | undefined {
  if (bodyToken) return bodyToken;
  const cookie: unknown = (req.cookies as Record<string, unknown> | undefined)?.[REFRESH_COOKIE_NAME];
  return typeof cookie === 'string' && cookie.length > 0 && cookie.length <= 512 ? cookie : undefined;
}

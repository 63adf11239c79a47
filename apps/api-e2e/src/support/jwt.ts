import { createHmac, randomBytes } from 'node:crypto';

const b64 = (v: object | string): string =>
  Buffer.from(typeof v === 'string' ? v : JSON.stringify(v)).toString('base64url');

/** Builds a JWT by hand: HMAC-SHA256 or -SHA512 (or no signature) over whatever header and payload a test needs. */
export function craftJwt(header: Record<string, unknown>, payload: Record<string, unknown>, secret?: string): string {
  const head = `${b64(header)}.${b64(payload)}`;
  if (!secret) return `${head}.`;
  const alg = header['alg'] === 'HS512' ? 'sha512' : 'sha256';
  return `${head}.${createHmac(alg, secret).update(head).digest('base64url')}`;
}

/** The parts of a JWT, unverified. */
export function decodeJwt(token: string): {
  header: Record<string, unknown>;
  payload: Record<string, unknown>;
  signature: string;
} {
  const [h = '', p = '', signature = ''] = token.split('.');
  return {
    header: JSON.parse(Buffer.from(h, 'base64url').toString()) as Record<string, unknown>,
    payload: JSON.parse(Buffer.from(p, 'base64url').toString()) as Record<string, unknown>,
    signature,
  };
}

/**
 * Tokens that must all be refused with 401, built from a real access token and the server's signing secret:
 * each changes exactly one thing a verifier must check (plus a forged unsigned one and a non-JWT).
 */
export function tamperedTokens(real: string, secret: string): Record<string, string> {
  const [head, body, sig] = real.split('.') as [string, string, string];
  const claims = decodeJwt(real).payload;
  const now = Math.floor(Date.now() / 1000);
  const hs256 = { alg: 'HS256', typ: 'JWT' };
  const reSigned = (patch: Record<string, unknown>) => craftJwt(hs256, { ...claims, ...patch }, secret);
  return {
    'payload changed (role), old signature': `${head}.${b64({ ...claims, role: claims['role'] === 'patient' ? 'doctor' : 'patient' })}.${sig}`,
    'signature removed': `${head}.${body}.`,
    'alg none': `${b64({ alg: 'none', typ: 'JWT' })}.${body}.`,
    'forged, unsigned, unknown subject': craftJwt({ alg: 'none' }, { sub: 'x' }),
    'signed with another key': craftJwt(hs256, claims, randomBytes(32).toString('hex')),
    'HS512 with the real key': craftJwt({ alg: 'HS512', typ: 'JWT' }, claims, secret),
    expired: reSigned({ iat: now - 7200, exp: now - 3600 }),
    'wrong audience (two-factor challenge)': reSigned({ aud: 'cloudvault-mfa' }),
    'wrong issuer': reSigned({ iss: 'someone-else' }),
    'unknown role': reSigned({ role: 'admin' }),
    'subject not an ObjectId': reSigned({ sub: { $ne: null } }),
    'not a JWT': 'definitely-not-a-jwt',
  };
}

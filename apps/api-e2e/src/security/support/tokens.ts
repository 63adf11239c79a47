import { createHmac, randomBytes } from 'node:crypto';

const b64url = (v: string | Buffer) => Buffer.from(v).toString('base64url');

/** Signs an HS256 JWT with `secret` (used to mint tokens the API must refuse: expired, wrong audience...). */
export function signJwt(
  payload: Record<string, unknown>,
  secret: string,
  header: Record<string, unknown> = { alg: 'HS256', typ: 'JWT' },
): string {
  const head = `${b64url(JSON.stringify(header))}.${b64url(JSON.stringify(payload))}`;
  const algorithm = header['alg'] === 'HS512' ? 'sha512' : 'sha256';
  return `${head}.${createHmac(algorithm, secret).update(head).digest('base64url')}`;
}

/** The payload of a JWT, unverified. */
export function decodeJwt(token: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')) as Record<string, unknown>;
}

/**
 * Tokens that must all be refused with 401, built from a real access token of `victim` and the server's
 * signing secret: each changes exactly one thing a verifier must check.
 */
export function tamperedTokens(real: string, secret: string): Record<string, string> {
  const [head, , sig] = real.split('.') as [string, string, string];
  const claims = decodeJwt(real);
  const now = Math.floor(Date.now() / 1000);
  const reSigned = (patch: Record<string, unknown>) => signJwt({ ...claims, ...patch }, secret);
  return {
    'payload changed (role), old signature': `${head}.${b64url(JSON.stringify({ ...claims, role: claims['role'] === 'patient' ? 'doctor' : 'patient' }))}.${sig}`,
    'signature removed': `${head}.${real.split('.')[1]}.`,
    'alg none': `${b64url(JSON.stringify({ alg: 'none', typ: 'JWT' }))}.${real.split('.')[1]}.`,
    'signed with another key': signJwt(claims, randomBytes(32).toString('hex')),
    'HS512 with the real key': signJwt(claims, secret, { alg: 'HS512', typ: 'JWT' }),
    expired: reSigned({ iat: now - 7200, exp: now - 3600 }),
    'wrong audience (two-factor challenge)': reSigned({ aud: 'cloudvault-mfa' }),
    'wrong issuer': reSigned({ iss: 'someone-else' }),
    'unknown role': reSigned({ role: 'admin' }),
    'subject not an ObjectId': reSigned({ sub: { $ne: null } }),
    'not a JWT': 'definitely-not-a-jwt',
  };
}

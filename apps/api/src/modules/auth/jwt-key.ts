import { createSecretKey, type KeyObject } from 'node:crypto';

/**
 * The HS256 signing key as a KeyObject, made once. Given the secret as a string, jsonwebtoken first tries
 * `createPublicKey` on it, catches the failure and then makes a secret key — on every sign and verify.
 */
export function jwtKey(secret: string): KeyObject {
  return createSecretKey(Buffer.from(secret, 'utf8'));
}

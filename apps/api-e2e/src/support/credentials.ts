import { Secret, TOTP } from 'otpauth';

/** A TOTP code as an authenticator app would show it, `stepsAhead` periods from now. */
export function totpCode(secret: string, stepsAhead = 0): string {
  return new TOTP({ secret: Secret.fromBase32(secret), algorithm: 'SHA1', digits: 6, period: 30 }).generate({
    timestamp: Date.now() + stepsAhead * 30_000,
  });
}

/** A 6-digit code that is valid for none of the steps around now. */
export function wrongTotpCode(secret: string): string {
  const valid = new Set([-2, -1, 0, 1, 2].map((s) => totpCode(secret, s)));
  let n = Number(totpCode(secret));
  while (valid.has(String(n).padStart(6, '0'))) n = (n + 1) % 1_000_000;
  return String(n).padStart(6, '0');
}

/** Every key anywhere in a JSON value (to prove no credential field is ever serialised). */
export function allKeys(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(allKeys);
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => [k, ...allKeys(v)]);
  return [];
}

export const CREDENTIAL_KEYS = /password|hash|secret|recoveryCodes|lastStep/i;

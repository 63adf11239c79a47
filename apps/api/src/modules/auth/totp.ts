import { Secret, TOTP } from 'otpauth';

/** RFC 6238 with the parameters every authenticator app supports: SHA-1, 6 digits, 30 s. */
const TOTP_PARAMS = { issuer: 'CloudVault', algorithm: 'SHA1', digits: 6, period: 30 } as const;
/** Codes from the previous and next period are accepted too (clock drift). */
const WINDOW = 1;

export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

export function totpUrl(secretBase32: string, accountName: string): string {
  return new TOTP({ ...TOTP_PARAMS, label: accountName, secret: Secret.fromBase32(secretBase32) }).toString();
}

/** The time step of a valid code (so it can be accepted once), or null when the code is wrong. */
export function matchTotpStep(secretBase32: string, code: string, now = Date.now()): number | null {
  if (!/^\d{6}$/.test(code)) return null;
  const totp = new TOTP({ ...TOTP_PARAMS, secret: Secret.fromBase32(secretBase32) });
  const delta = totp.validate({ token: code, timestamp: now, window: WINDOW });
  return delta === null ? null : totp.counter({ timestamp: now }) + delta;
}

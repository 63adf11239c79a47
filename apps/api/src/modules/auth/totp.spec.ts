import { Secret, TOTP } from 'otpauth';
import { generateRecoveryCodes, hashRecoveryCode } from './recovery-codes';
import { matchTotpStep, newTotpSecret, totpUrl } from './totp';

describe('TOTP and recovery codes', () => {
  const secret = newTotpSecret();
  const at = Date.UTC(2026, 0, 1, 12, 0, 10);
  const code = (ms: number) => new TOTP({ secret: Secret.fromBase32(secret) }).generate({ timestamp: ms });
  const step = Math.floor(at / 30_000);

  it('makes 160-bit base32 secrets and an otpauth URL for the account', () => {
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(totpUrl(secret, 'ada@example.org')).toMatch(
      /^otpauth:\/\/totp\/CloudVault:ada%40example\.org\?issuer=CloudVault&secret=[A-Z2-7]{32}&algorithm=SHA1&digits=6&period=30$/,
    );
  });

  it('accepts the previous, current and next period and answers their time step', () => {
    expect(matchTotpStep(secret, code(at - 30_000), at)).toBe(step - 1);
    expect(matchTotpStep(secret, code(at), at)).toBe(step);
    expect(matchTotpStep(secret, code(at + 30_000), at)).toBe(step + 1);
    expect(matchTotpStep(secret, code(at + 90_000), at)).toBeNull();
    expect(matchTotpStep(secret, 'abcdef', at)).toBeNull();
  });

  it('makes ten distinct recovery codes whose hash ignores case, spaces and dashes', () => {
    const codes = generateRecoveryCodes();
    expect(new Set(codes).size).toBe(10);
    const key = Buffer.alloc(32, 7);
    const [c] = codes;
    expect(hashRecoveryCode(key, ` ${c.toUpperCase().replace('-', ' ')} `)).toBe(hashRecoveryCode(key, c));
    expect(hashRecoveryCode(key, c)).not.toBe(hashRecoveryCode(Buffer.alloc(32, 8), c));
  });
});

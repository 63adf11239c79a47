import { randomBytes } from 'node:crypto';
import { decryptTotpSecret, encryptTotpSecret } from './totp-secret.cipher';

describe('TOTP secret cipher (AES-256-GCM)', () => {
  const key = randomBytes(32);
  const user = '665f1c2e9b1e8a3d4c5b6a79';
  const secret = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';

  it('round-trips and never repeats a ciphertext', () => {
    const a = encryptTotpSecret(key, user, secret);
    const b = encryptTotpSecret(key, user, secret);
    expect(a).not.toBe(b);
    expect(a).not.toContain(secret);
    expect(decryptTotpSecret(key, user, a)).toBe(secret);
  });

  it('fails for another user, another key or a tampered value', () => {
    const sealed = encryptTotpSecret(key, user, secret);
    expect(() => decryptTotpSecret(key, '665f1c2e9b1e8a3d4c5b6a7a', sealed)).toThrow();
    expect(() => decryptTotpSecret(randomBytes(32), user, sealed)).toThrow();
    const parts = sealed.split('.');
    const ct = Buffer.from(parts[3], 'base64url');
    ct[0] ^= 1;
    expect(() => decryptTotpSecret(key, user, [...parts.slice(0, 3), ct.toString('base64url')].join('.'))).toThrow();
    expect(() => decryptTotpSecret(key, user, 'v0.a.b.c')).toThrow(/format/);
  });
});

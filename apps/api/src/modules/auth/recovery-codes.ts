import { createHmac, randomInt } from 'node:crypto';
import { RECOVERY_CODE_COUNT } from '@cloudvault/contracts';

/** Lower-case letters and digits without look-alikes (0/o, 1/l/i). */
const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';
const GROUP = 5;

/** Ten codes like `k3m9x-p2q7r` (10 characters from 31, about 49 bits each). */
export function generateRecoveryCodes(): string[] {
  const one = () => Array.from({ length: GROUP * 2 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
  return Array.from({ length: RECOVERY_CODE_COUNT }, () => {
    const c = one();
    return `${c.slice(0, GROUP)}-${c.slice(GROUP)}`;
  });
}

/** Keyed hash of a recovery code as typed (case, spaces and dashes ignored). */
export function hashRecoveryCode(key: Buffer, code: string): string {
  const normalised = code.toLowerCase().replace(/[\s-]/g, '');
  return createHmac('sha256', key).update(normalised).digest('hex');
}

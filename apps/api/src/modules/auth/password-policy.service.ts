import { BadRequestException, Injectable } from '@nestjs/common';
import { dictionary } from '@zxcvbn-ts/language-common';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '@cloudvault/contracts';

/**
 * The 49,000 most common passwords of the zxcvbn-ts common dictionary (ranked from public breach
 * corpora), compared case-insensitively.
 */
const COMMON_PASSWORDS: ReadonlySet<string> = new Set(dictionary['passwords-common'].map((p) => p.toLowerCase()));

export interface PasswordContext {
  email?: string;
}

/** Length 10-128 (NIST SP 800-63B), not a common password, not the account's email address. */
@Injectable()
export class PasswordPolicyService {
  /** The reason the password is refused, or null when it is acceptable. */
  problem(password: string, ctx: PasswordContext = {}): string | null {
    if (password.length < PASSWORD_MIN_LENGTH || password.length > PASSWORD_MAX_LENGTH) {
      return `must be between ${PASSWORD_MIN_LENGTH} and ${PASSWORD_MAX_LENGTH} characters`;
    }
    const lower = password.toLowerCase();
    if (COMMON_PASSWORDS.has(lower)) return 'is too common: choose a password that is not on lists of leaked passwords';
    if (ctx.email && lower === ctx.email.toLowerCase()) return 'must not be your email address';
    return null;
  }

  /** Throws a 400 with a per-field detail when the password is refused. */
  assertAcceptable(password: string, field: string, ctx: PasswordContext = {}): void {
    const problem = this.problem(password, ctx);
    if (problem)
      throw new BadRequestException({
        message: 'Validation failed',
        details: [{ field, message: `${field} ${problem}` }],
      });
  }
}

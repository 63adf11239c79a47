import { Injectable, type OnModuleInit } from '@nestjs/common';
import * as argon2 from 'argon2';
import { randomBytes } from 'node:crypto';

/**
 * argon2id with OWASP's parameters (19 MiB memory, 2 iterations, 1 lane). On the 2-core development
 * machine one hash costs about 20 ms on an idle core and 40-100 ms while other work runs
 * (tools/bench/auth.bench.ts). Raising a parameter here makes each account's next successful sign-in
 * re-hash its password.
 */
export const ARGON2_PARAMS = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

@Injectable()
export class PasswordHasherService implements OnModuleInit {
  /** Verified against when the email is unknown, so both failures cost the same time. */
  private dummyHash!: string;

  async onModuleInit(): Promise<void> {
    this.dummyHash = await this.hash(randomBytes(24).toString('base64url'));
  }

  hash(password: string): Promise<string> {
    return argon2.hash(password, ARGON2_PARAMS);
  }

  /** False for a wrong password or an unreadable hash. */
  async verify(hash: string, password: string): Promise<boolean> {
    try {
      return await argon2.verify(hash, password);
    } catch {
      return false;
    }
  }

  /** Spends the time of a real verification and fails (unknown account). */
  async verifyDummy(password: string): Promise<false> {
    await this.verify(this.dummyHash, password);
    return false;
  }

  needsRehash(hash: string): boolean {
    try {
      return argon2.needsRehash(hash, ARGON2_PARAMS);
    } catch {
      return true;
    }
  }
}

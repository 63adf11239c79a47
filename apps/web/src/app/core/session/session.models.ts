import type { UserDto } from '@cloudvault/contracts';

export type LoginOutcome =
  | { kind: 'signed-in'; user: UserDto; mfaEnrolmentRequired: boolean }
  | { kind: 'mfa'; mfaToken: string };

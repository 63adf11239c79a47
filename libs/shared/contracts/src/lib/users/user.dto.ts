import type { Role } from '../auth/role';
import type { UserPreferencesDto } from './preferences.dto';

/** The signed-in user's own account (never includes credentials). */
export class UserDto {
  /** @example "665f1c2e9b1e8a3d4c5b6a79" */
  id!: string;
  /** @example "ada@example.org" */
  email!: string;
  /** @example "Ada Lovelace" */
  name!: string;
  /** @example "patient" */
  role!: Role;
  /** Doctors only. @example "Cardiology" */
  specialty?: string;
  /** Doctors only. */
  bio?: string;
  /** Preferences: units, time zone, locale, and consent to send free text to the AI provider. */
  preferences!: UserPreferencesDto;
  /** Whether two-factor sign-in is on. */
  mfaEnabled!: boolean;
  /** ISO-8601 UTC. */
  createdAt!: string;
  /** ISO-8601 UTC. */
  updatedAt!: string;
}

/** What other signed-in users may see of someone (no email). */
export class PublicProfileDto {
  id!: string;
  name!: string;
  role!: Role;
  specialty?: string;
  bio?: string;
}

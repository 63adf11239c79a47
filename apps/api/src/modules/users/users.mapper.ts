import {
  DEFAULT_UNIT_SYSTEM,
  type PublicProfileDto,
  type UserDto,
  type UserPreferencesDto,
} from '@cloudvault/contracts';
import type { User, UserPreferences } from './user.schema';
import type { Types } from 'mongoose';

type StoredUser = User & { _id: Types.ObjectId };

/** The account as its owner sees it: an explicit field list, so credentials can never leak. */
export function toUserDto(u: StoredUser): UserDto {
  return {
    id: u._id.toHexString(),
    email: u.email,
    name: u.name,
    role: u.role,
    ...(u.specialty ? { specialty: u.specialty } : {}),
    ...(u.bio ? { bio: u.bio } : {}),
    preferences: toPreferencesDto(u.preferences),
    mfaEnabled: u.mfa?.enabled === true,
    createdAt: u.createdAt.toISOString(),
    updatedAt: u.updatedAt.toISOString(),
  };
}

function toPreferencesDto(p: UserPreferences | undefined): UserPreferencesDto {
  return {
    aiFreeTextConsent: p?.aiFreeTextConsent === true,
    units: p?.units ?? DEFAULT_UNIT_SYSTEM,
    ...(p?.timeZone ? { timeZone: p.timeZone } : {}),
    ...(p?.locale ? { locale: p.locale } : {}),
  };
}

/** What other signed-in users may see: no email, no account state. */
export function toPublicProfileDto(u: StoredUser): PublicProfileDto {
  return {
    id: u._id.toHexString(),
    name: u.name,
    role: u.role,
    ...(u.specialty ? { specialty: u.specialty } : {}),
    ...(u.bio ? { bio: u.bio } : {}),
  };
}

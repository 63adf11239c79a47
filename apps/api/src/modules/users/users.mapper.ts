import type { PublicProfileDto, UserDto } from '@cloudvault/contracts';
import type { User } from './user.schema';
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
    mfaEnabled: u.mfa?.enabled === true,
    preferences: { aiFreeTextConsent: u.preferences?.aiFreeTextConsent === true },
    createdAt: u.createdAt.toISOString(),
    updatedAt: u.updatedAt.toISOString(),
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

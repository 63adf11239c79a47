import type { PipelineStage, Types } from 'mongoose';

/** The accounts collection (owned by the users module), joined read-only for display names. */
const USERS_COLLECTION = 'users';

/** What a join may take from an account: never credentials or contact details. */
export interface JoinedUser {
  _id: Types.ObjectId;
  name: string;
  role: string;
  specialty?: string;
}

/**
 * Stages that put the account referenced by `localField` at `as`, reduced to an allow-list (name, role,
 * specialty). One query joins every row of a page (no N+1); a missing account keeps the row.
 */
export function lookupUser(localField: string, as: string): PipelineStage[] {
  return [
    { $lookup: { from: USERS_COLLECTION, localField, foreignField: '_id', as } },
    { $unwind: { path: `$${as}`, preserveNullAndEmptyArrays: true } },
    { $set: { [as]: { _id: `$${as}._id`, name: `$${as}.name`, role: `$${as}.role`, specialty: `$${as}.specialty` } } },
  ];
}

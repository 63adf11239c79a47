import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { type HydratedDocument, SchemaTypes, type Types } from 'mongoose';
import { ROLE_VALUES, type Role } from '@cloudvault/contracts';

/**
 * What is left of a deleted account: its id (which audit events and kept clinical records still name), its
 * role and when it was deleted. Nothing else about the person. Kept apart from `users`, so every lookup of
 * a user by id or email finds no one and the email can register again.
 */
@Schema({ collection: 'user_tombstones', versionKey: false })
export class UserTombstone {
  @Prop({ type: SchemaTypes.ObjectId, required: true }) _id!: Types.ObjectId;
  @Prop({ required: true, enum: ROLE_VALUES }) role!: Role;
  @Prop({ required: true }) deletedAt!: Date;
}

export type UserTombstoneDocument = HydratedDocument<UserTombstone>;
export const UserTombstoneSchema = SchemaFactory.createForClass(UserTombstone);

import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { AccountErasureService } from './account-erasure.service';
import { DoctorDirectoryService } from './doctor-directory.service';
import { DoctorsController } from './doctors.controller';
import { MeController } from './me.controller';
import { User, UserSchema } from './user.schema';
import { UserTombstone, UserTombstoneSchema } from './user-tombstone.schema';
import { UserCredentialsService } from './user-credentials.service';
import { UsersService } from './users.service';

/**
 * Accounts and profiles (`users`, and `user_tombstones` of deleted ones). UsersService is for every module,
 * credentials are for auth; AccountErasureService takes every feature module's erasure participant.
 */
@Module({
  imports: [
    MongooseModule.forFeature([
      { name: User.name, schema: UserSchema },
      { name: UserTombstone.name, schema: UserTombstoneSchema },
    ]),
  ],
  controllers: [MeController, DoctorsController],
  providers: [UsersService, UserCredentialsService, DoctorDirectoryService, AccountErasureService],
  exports: [UsersService, UserCredentialsService, AccountErasureService],
})
export class UsersModule {}

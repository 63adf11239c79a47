import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { DoctorDirectoryService } from './doctor-directory.service';
import { DoctorsController } from './doctors.controller';
import { MeController } from './me.controller';
import { User, UserSchema } from './user.schema';
import { UserCredentialsService } from './user-credentials.service';
import { UsersService } from './users.service';

/** Accounts and profiles (`users` collection). UsersService is for every module; credentials are for auth. */
@Module({
  imports: [MongooseModule.forFeature([{ name: User.name, schema: UserSchema }])],
  controllers: [MeController, DoctorsController],
  providers: [UsersService, UserCredentialsService, DoctorDirectoryService],
  exports: [UsersService, UserCredentialsService],
})
export class UsersModule {}

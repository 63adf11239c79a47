import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { UsersModule } from '../users/users.module';
import { ClinicalErasureParticipant } from './clinical-erasure.participant';
import { ClinicalProfile, ClinicalProfileSchema } from './clinical-profile.schema';
import { ClinicalController } from './clinical.controller';
import { ClinicalService } from './clinical.service';

/** The patient's clinical profile (GET/PUT /api/me/clinical); doctors read it through ClinicalService. */
@Module({
  imports: [MongooseModule.forFeature([{ name: ClinicalProfile.name, schema: ClinicalProfileSchema }]), UsersModule],
  controllers: [ClinicalController],
  providers: [ClinicalService, ClinicalErasureParticipant],
  exports: [ClinicalService],
})
export class ClinicalModule {}

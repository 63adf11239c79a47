import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { ClinicalProfile, ClinicalProfileSchema } from './clinical-profile.schema';
import { ClinicalController } from './clinical.controller';
import { ClinicalService } from './clinical.service';

/** The patient's clinical profile (GET/PUT /api/me/clinical); doctors read it through ClinicalService. */
@Module({
  imports: [MongooseModule.forFeature([{ name: ClinicalProfile.name, schema: ClinicalProfileSchema }])],
  controllers: [ClinicalController],
  providers: [ClinicalService],
  exports: [ClinicalService],
})
export class ClinicalModule {}

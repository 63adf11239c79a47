import { Module } from '@nestjs/common';
import { ConsultationsErasureParticipant } from './consultations-erasure.participant';
import { MongooseModule } from '@nestjs/mongoose';
import { ClinicalModule } from '../clinical/clinical.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { UsersModule } from '../users/users.module';
import { ActivePatientsService } from './active-patients.service';
import { Consultation, ConsultationSchema } from './consultation.schema';
import { ConsultationsController } from './consultations.controller';
import { ConsultationsService } from './consultations.service';
import { ConsultingPatientGuard } from './consulting-patient.guard';

/** Care relationships. Modules using `@ConsultingPatient()` import this module (it exports the guard). */
@Module({
  imports: [
    MongooseModule.forFeature([{ name: Consultation.name, schema: ConsultationSchema }]),
    UsersModule,
    NotificationsModule,
    ClinicalModule,
  ],
  controllers: [ConsultationsController],
  providers: [ConsultationsErasureParticipant, ConsultationsService, ActivePatientsService, ConsultingPatientGuard],
  exports: [ConsultationsService, ActivePatientsService, ConsultingPatientGuard],
})
export class ConsultationsModule {}

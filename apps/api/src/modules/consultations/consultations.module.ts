import { Module } from '@nestjs/common';
import { ConsultationsErasureParticipant } from './consultations-erasure.participant';
import { MongooseModule } from '@nestjs/mongoose';
import { MessageStoreModule } from '../messages/message-store.module';
import { ClinicalModule } from '../clinical/clinical.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { UsersModule } from '../users/users.module';
import { ActivePatientsService } from './active-patients.service';
import { Consultation, ConsultationSchema } from './consultation.schema';
import { ConsultationsController } from './consultations.controller';
import { ConsultationsService } from './consultations.service';
import { ConsultingPatientGuard } from './consulting-patient.guard';
import { ConsultationLifecycle } from './consultation-lifecycle';
import { RecordAccessInterceptor } from './record-access.interceptor';

/** Care relationships. Modules using `@ConsultingPatient()` import this module (it exports the guard). */
@Module({
  imports: [
    MongooseModule.forFeature([{ name: Consultation.name, schema: ConsultationSchema }]),
    UsersModule,
    NotificationsModule,
    MessageStoreModule,
    ClinicalModule,
  ],
  controllers: [ConsultationsController],
  providers: [
    ConsultationsErasureParticipant,
    ConsultationsService,
    ActivePatientsService,
    ConsultingPatientGuard,
    ConsultationLifecycle,
    RecordAccessInterceptor,
  ],
  exports: [
    ConsultationsService,
    ActivePatientsService,
    ConsultingPatientGuard,
    ConsultationLifecycle,
    RecordAccessInterceptor,
    NotificationsModule,
    UsersModule,
  ],
})
export class ConsultationsModule {}

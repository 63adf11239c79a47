import { Module } from '@nestjs/common';
import { UsersModule } from '../users/users.module';
import { PrescriptionsErasureParticipant } from './prescriptions-erasure.participant';
import { MongooseModule } from '@nestjs/mongoose';
import { NotificationsModule } from '../notifications/notifications.module';
import { Prescription, PrescriptionSchema } from './prescription.schema';
import { PrescriptionsController } from './prescriptions.controller';
import { PrescriptionsService } from './prescriptions.service';

/** Prescriptions. The doctor routes live in the doctor module; GET /api/prescriptions (patient) lives here. */
@Module({
  imports: [
    UsersModule,
    MongooseModule.forFeature([{ name: Prescription.name, schema: PrescriptionSchema }]),
    NotificationsModule,
  ],
  controllers: [PrescriptionsController],
  providers: [PrescriptionsErasureParticipant, PrescriptionsService],
  exports: [PrescriptionsService],
})
export class PrescriptionsModule {}

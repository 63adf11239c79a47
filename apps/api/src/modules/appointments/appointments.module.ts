import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { ConsultationsModule } from '../consultations/consultations.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { AppointmentQueries } from './appointment-queries.service';
import { AppointmentReminders } from './appointment-reminders.service';
import { Appointment, AppointmentSchema } from './appointment.schema';
import { AppointmentsController } from './appointments.controller';
import { AppointmentsErasureParticipant } from './appointments-erasure.participant';
import { AppointmentsService } from './appointments.service';
import { Availability, AvailabilitySchema } from './availability.schema';
import { AvailabilityController } from './availability.controller';
import { AvailabilityService } from './availability.service';

/**
 * Availability, free slots, bookings and reminders. Exports AppointmentsService for account deletion
 * (`eraseAccount`); the end of a consultation reaches it through ConsultationLifecycle.
 */
@Module({
  imports: [
    MongooseModule.forFeature([
      { name: Appointment.name, schema: AppointmentSchema },
      { name: Availability.name, schema: AvailabilitySchema },
    ]),
    ConsultationsModule,
    NotificationsModule,
  ],
  controllers: [AvailabilityController, AppointmentsController],
  providers: [
    AvailabilityService,
    AppointmentsService,
    AppointmentQueries,
    AppointmentReminders,
    AppointmentsErasureParticipant,
  ],
  exports: [AppointmentsService],
})
export class AppointmentsModule {}

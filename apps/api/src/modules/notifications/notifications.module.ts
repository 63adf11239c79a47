import { Module } from '@nestjs/common';
import { UsersModule } from '../users/users.module';
import { NotificationsErasureParticipant } from './notifications-erasure.participant';
import { MongooseModule } from '@nestjs/mongoose';
import { NotificationEvents } from './notification-events';
import { Notification, NotificationSchema } from './notification.schema';
import { NotificationsController } from './notifications.controller';
import { NotificationsService } from './notifications.service';

/** In-app notifications: other modules import this one and call `NotificationsService.notify` after their write. */
@Module({
  imports: [UsersModule, MongooseModule.forFeature([{ name: Notification.name, schema: NotificationSchema }])],
  controllers: [NotificationsController],
  providers: [NotificationsErasureParticipant, NotificationsService, NotificationEvents],
  exports: [NotificationsService, NotificationEvents],
})
export class NotificationsModule {}

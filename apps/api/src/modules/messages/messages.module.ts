import { Module } from '@nestjs/common';
import { ConsultationsModule } from '../consultations/consultations.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { MessageStoreModule } from './message-store.module';
import { MessagesErasureParticipant } from './messages-erasure.participant';
import { MessagesController } from './messages.controller';
import { MessagesService } from './messages.service';

/** Secure messaging within a consultation; MessagesService.eraseAccount serves account deletion. */
@Module({
  imports: [MessageStoreModule, ConsultationsModule, NotificationsModule],
  controllers: [MessagesController],
  providers: [MessagesService, MessagesErasureParticipant],
  exports: [MessagesService],
})
export class MessagesModule {}

import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { Message, MessageSchema } from './message.schema';
import { UnreadMessagesService } from './unread-messages.service';

/**
 * The messages collection, for the messaging routes and for the consultation lists' unread counts
 * (ConsultationsModule imports this, MessagesModule imports both: no cycle).
 */
@Module({
  imports: [MongooseModule.forFeature([{ name: Message.name, schema: MessageSchema }])],
  providers: [UnreadMessagesService],
  exports: [UnreadMessagesService, MongooseModule],
})
export class MessageStoreModule {}

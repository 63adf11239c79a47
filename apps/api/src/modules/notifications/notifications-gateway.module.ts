import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { NotificationsGateway } from './notifications.gateway';
import { NotificationsModule } from './notifications.module';

/**
 * The socket.io gateway, apart from NotificationsModule so that modules which notify (and are imported by
 * auth's dependencies) never depend on AuthModule.
 */
@Module({
  imports: [NotificationsModule, AuthModule],
  providers: [NotificationsGateway],
})
export class NotificationsGatewayModule {}

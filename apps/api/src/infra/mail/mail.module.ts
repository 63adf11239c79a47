import { Global, Module } from '@nestjs/common';
import { AppConfigService } from '../../config/app-config.service';
import { MAIL_TRANSPORT, type MailTransport } from './mail-transport';
import { MailService } from './mail.service';
import { OutboxMailTransport } from './outbox.transport';
import { SmtpMailTransport } from './smtp.transport';

/** Provides MailService over the transport chosen by config: SMTP_URL set → SMTP, else DATA_DIR/outbox. */
@Global()
@Module({
  providers: [
    {
      provide: MAIL_TRANSPORT,
      inject: [AppConfigService],
      useFactory: (config: AppConfigService): MailTransport => {
        const { smtpUrl, outboxDir } = config.mail;
        return smtpUrl ? new SmtpMailTransport(smtpUrl) : new OutboxMailTransport(outboxDir);
      },
    },
    MailService,
  ],
  exports: [MailService],
})
export class MailModule {}

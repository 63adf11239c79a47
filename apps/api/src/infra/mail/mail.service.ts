import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { AppConfigService } from '../../config/app-config.service';
import { MAIL_TRANSPORT, type MailTransport } from './mail-transport';
import type { RenderedMail } from './templates/rendered-mail';

/** "Send this message": features hand over a rendered template and a recipient, never pick a transport. */
@Injectable()
export class MailService implements OnApplicationShutdown {
  constructor(
    @Inject(MAIL_TRANSPORT) private readonly transport: MailTransport,
    private readonly config: AppConfigService,
  ) {}

  async send(to: string, mail: RenderedMail): Promise<void> {
    await this.transport.deliver({ from: this.config.mail.from, to, ...mail });
  }

  onApplicationShutdown(): void {
    this.transport.close();
  }
}

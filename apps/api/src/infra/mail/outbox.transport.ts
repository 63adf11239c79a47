import { Logger } from '@nestjs/common';
import { createTransport, type Transporter } from 'nodemailer';
import { randomBytes } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { MailTransport, OutgoingMail } from './mail-transport';

/**
 * The zero-config default: each message is built by nodemailer's stream transport (a complete RFC 5322
 * message) and written to `<dir>/<time>-<random>.eml`, readable by the owner only. One log line names the
 * file; the message itself (which may hold a one-time link) never reaches the log.
 */
export class OutboxMailTransport implements MailTransport {
  private readonly logger = new Logger('MailOutbox');
  private readonly builder: Transporter;

  constructor(private readonly dir: string) {
    this.builder = createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  }

  async deliver(mail: OutgoingMail): Promise<void> {
    const info = (await this.builder.sendMail(mail)) as { message: Buffer };
    await mkdir(this.dir, { recursive: true, mode: 0o700 });
    const file = join(
      this.dir,
      `${new Date().toISOString().replace(/[:.]/g, '-')}-${randomBytes(6).toString('hex')}.eml`,
    );
    await writeFile(file, info.message, { mode: 0o600, flag: 'wx' });
    this.logger.log({ file }, 'email written to the outbox');
  }

  close(): void {
    this.builder.close();
  }
}

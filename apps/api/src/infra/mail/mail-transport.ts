/** A message ready to leave: addresses and both bodies. */
export interface OutgoingMail {
  from: string;
  to: string;
  subject: string;
  text: string;
  html: string;
}

/** DI token of the configured transport (SMTP or the outbox directory). */
export const MAIL_TRANSPORT = Symbol('MAIL_TRANSPORT');

/** Where mail goes. Features never see this: they ask MailService to send a message. */
export interface MailTransport {
  /** Resolves once the message was accepted (by the SMTP server, or written to the outbox). */
  deliver(mail: OutgoingMail): Promise<void>;
  close(): void;
}

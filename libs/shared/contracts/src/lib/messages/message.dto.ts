import type { Role } from '../auth/role';

/** Longest message body, in characters. */
export const MESSAGE_BODY_MAX_LENGTH = 4000;

/** One message of a consultation's conversation. The body is plain text: render it as text, never as HTML. */
export class MessageDto {
  id!: string;
  consultationId!: string;
  senderId!: string;
  senderName!: string;
  senderRole!: Role;
  body!: string;
  /** ISO-8601 UTC. */
  createdAt!: string;
  /** When the other party marked it read (ISO-8601 UTC); absent while unread. */
  readAt?: string;
}

export class MessagePageDto {
  /** Newest first. */
  items!: MessageDto[];
  /** Pass back as `cursor` for older messages; null on the last page. */
  nextCursor!: string | null;
}

import type { INestApplication } from '@nestjs/common';
import { NotificationsService } from '../../../api/src/modules/notifications/notifications.service';
import type { Inbox } from './sockets';

/**
 * Proves a socket received nothing before now: a marker notification is sent to its user through the real
 * service, and socket.io keeps one connection's events in order, so when the marker arrives every earlier
 * event would have too. Returns what arrived since the previous call (the marker excluded), and forgets it.
 */
export async function receivedBeforeMarker(app: INestApplication, userId: string, inbox: Inbox): Promise<string[]> {
  const title = `marker ${Math.random().toString(36).slice(2)}`;
  await app.get(NotificationsService).notify(userId, { type: 'summary.ready', title });
  const marker = await inbox.waitFor((n) => n.title === title, title);
  return inbox.received
    .splice(0, inbox.received.indexOf(marker) + 1)
    .slice(0, -1)
    .map((n) => n.type);
}

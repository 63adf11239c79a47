import { Injectable, type OnModuleDestroy } from '@nestjs/common';
import type { NotificationDto } from '@cloudvault/contracts';
import { Subject } from 'rxjs';

/** A notification that was just stored, for whoever delivers it live (the socket gateway). */
export interface CreatedNotification {
  recipientId: string;
  notification: NotificationDto;
}

/**
 * The in-process stream of stored notifications. Delivery across API instances is the transport's job
 * (the socket.io adapter), so this stream only carries what this instance created.
 */
@Injectable()
export class NotificationEvents implements OnModuleDestroy {
  private readonly subject = new Subject<CreatedNotification>();
  readonly created$ = this.subject.asObservable();

  publish(event: CreatedNotification): void {
    this.subject.next(event);
  }

  onModuleDestroy(): void {
    this.subject.complete();
  }
}

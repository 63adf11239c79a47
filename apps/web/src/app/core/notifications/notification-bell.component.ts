import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import type { NotificationDto } from '@cloudvault/contracts';
import { LiveNotificationsService } from './live-notifications.service';

/**
 * The header bell: the unread count (updated live), a panel listing the latest notifications with their
 * links and read state, and a polite live region announcing each new one.
 */
@Component({
  selector: 'cv-notification-bell',
  imports: [DatePipe, RouterLink],
  templateUrl: './notification-bell.component.html',
  styleUrl: './notification-bell.component.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class NotificationBellComponent {
  protected readonly live = inject(LiveNotificationsService);
  protected readonly open = signal(false);
  protected readonly label = computed(() => {
    const n = this.live.unreadCount();
    return n === 0 ? 'Notifications, none unread' : `Notifications, ${n} unread`;
  });
  protected readonly announcement = computed(() => {
    const n = this.live.latest();
    return n ? `New notification: ${n.title}` : '';
  });

  protected toggle(): void {
    this.open.update((o) => !o);
    if (this.open()) this.live.reload();
  }

  protected follow(n: NotificationDto): void {
    this.live.markRead(n);
    this.open.set(false);
  }

  protected close(): void {
    this.open.set(false);
  }
}

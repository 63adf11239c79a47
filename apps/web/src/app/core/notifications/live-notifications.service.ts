import { effect, inject, Injectable, signal } from '@angular/core';
import type { NotificationDto } from '@cloudvault/contracts';
import { Subject } from 'rxjs';
import type { Socket } from 'socket.io-client';
import { SessionService } from '../session/session.service';
import { NotificationsApiService } from './notifications-api.service';

/**
 * The signed-in user's notifications: the latest page and the unread count, kept current by one socket.io
 * connection per session (/api/socket.io, access token in the handshake's `auth`, never in the URL). Each
 * (re)connection reloads the list, so nothing sent while offline is missed; an expired token is refreshed
 * and the socket reconnects.
 */
@Injectable({ providedIn: 'root' })
export class LiveNotificationsService {
  private readonly session = inject(SessionService);
  private readonly api = inject(NotificationsApiService);
  private socket: Socket | null = null;
  private connecting = false;
  /** One refresh per refusal: a second refusal after a refresh leaves the socket closed. */
  private retried = false;

  readonly items = signal<NotificationDto[]>([]);
  readonly unreadCount = signal(0);
  readonly loadFailed = signal(false);
  /** The latest live notification, for the polite announcement. */
  readonly latest = signal<NotificationDto | null>(null);
  /** Every live notification, for pages that refresh on one (e.g. a conversation). */
  readonly arrivals$ = new Subject<NotificationDto>();

  constructor() {
    effect(() => {
      const signedIn = this.session.isSignedIn() && !this.session.mfaEnrolmentRequired();
      if (signedIn && !this.socket) void this.connect();
      if (!signedIn && this.socket) this.disconnect();
    });
  }

  reload(): void {
    this.api.list().subscribe({
      next: (page) => {
        this.items.set(page.items);
        this.unreadCount.set(page.unreadCount);
        this.loadFailed.set(false);
      },
      error: () => this.loadFailed.set(true),
    });
  }

  markRead(n: NotificationDto): void {
    if (n.readAt) return;
    this.api.markRead(n.id).subscribe({
      next: (updated) => {
        this.items.update((all) => all.map((x) => (x.id === updated.id ? updated : x)));
        this.unreadCount.update((c) => Math.max(0, c - 1));
      },
    });
  }

  markAllRead(): void {
    this.api.markAllRead().subscribe({ next: () => this.reload() });
  }

  private async connect(): Promise<void> {
    if (this.connecting) return;
    this.connecting = true;
    const { io } = await import('socket.io-client');
    this.connecting = false;
    if (!this.session.isSignedIn() || this.socket) return;
    const socket = io({
      path: '/api/socket.io',
      transports: ['websocket'],
      // read at every (re)connection, so a refreshed token is used
      auth: (cb) => cb({ token: this.session.accessToken() }),
    });
    this.socket = socket;
    socket.on('connect', () => {
      this.retried = false;
      this.reload();
    });
    socket.on('notification', (n: NotificationDto) => {
      this.items.update((all) => [n, ...all.filter((x) => x.id !== n.id)]);
      if (!n.readAt) this.unreadCount.update((c) => c + 1);
      this.latest.set(n);
      this.arrivals$.next(n);
    });
    // The server refuses an expired token (handshake) or drops the socket when it expires: refresh, then retry.
    socket.on('connect_error', (err) => {
      if (err.message === 'unauthorized') this.refreshAndReconnect(socket);
    });
    socket.on('disconnect', (reason) => {
      if (reason === 'io server disconnect') this.refreshAndReconnect(socket);
    });
  }

  private refreshAndReconnect(socket: Socket): void {
    if (this.retried) return;
    this.retried = true;
    this.session.refresh().subscribe({
      next: () => {
        if (this.socket === socket) socket.connect();
      },
      error: () => undefined,
    });
  }

  private disconnect(): void {
    this.socket?.disconnect();
    this.socket = null;
    this.items.set([]);
    this.unreadCount.set(0);
    this.latest.set(null);
  }
}

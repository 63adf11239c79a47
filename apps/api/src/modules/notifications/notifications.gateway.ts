import { Logger, type OnModuleDestroy } from '@nestjs/common';
import {
  type OnGatewayConnection,
  type OnGatewayDisconnect,
  type OnGatewayInit,
  WebSocketGateway,
} from '@nestjs/websockets';
import type { Subscription } from 'rxjs';
import type { Server, Socket } from 'socket.io';
import { AccessTokenVerifier } from '../auth/access-token.verifier';
import { NotificationEvents } from './notification-events';

/** The socket.io event carrying one new notification (the same object as in GET /api/notifications). */
export const NOTIFICATION_EVENT = 'notification';
/** The handshake error message for a missing, invalid or expired access token. */
export const UNAUTHORIZED = 'unauthorized';

interface SocketState {
  userId: string;
  expiry: NodeJS.Timeout;
}

/**
 * Live delivery of notifications at /api/socket.io. The handshake carries the access token in
 * `auth.token` (never in the URL); each socket joins the room named after its user id and is disconnected
 * when its token expires (the client reconnects with a fresh one and catches up from the list). Every
 * stored notification is emitted to its owner's room: with the Redis adapter, on whichever instance the
 * owner is connected to.
 */
@WebSocketGateway({ path: '/api/socket.io', serveClient: false })
export class NotificationsGateway implements OnGatewayInit, OnGatewayConnection, OnGatewayDisconnect, OnModuleDestroy {
  private readonly logger = new Logger(NotificationsGateway.name);
  private subscription?: Subscription;
  private server?: Server;

  constructor(
    private readonly tokens: AccessTokenVerifier,
    private readonly events: NotificationEvents,
  ) {}

  afterInit(server: Server): void {
    this.server = server;
    server.use((socket, next) => {
      this.authenticate(socket).then(
        (ok) => next(ok ? undefined : new Error(UNAUTHORIZED)),
        () => next(new Error(UNAUTHORIZED)),
      );
    });
    this.subscription = this.events.created$.subscribe(({ recipientId, notification }) => {
      server.to(recipientId).emit(NOTIFICATION_EVENT, notification);
    });
  }

  /** Nest calls this on each connection without awaiting it: a failed join is handled here (the socket is dropped). */
  handleConnection(socket: Socket): void {
    const { userId } = socket.data as SocketState;
    Promise.resolve(socket.join(userId)).catch((err: Error) => {
      this.logger.warn(`socket ${socket.id} could not join its room: ${err.name}`);
      socket.disconnect(true);
    });
  }

  handleDisconnect(socket: Socket): void {
    const state = socket.data as Partial<SocketState>;
    if (state.expiry) clearTimeout(state.expiry);
  }

  /**
   * Shutdown: closes this instance's sockets at once (only these, also with the Redis adapter), so an open
   * socket does not hold the draining HTTP server open; the clients reconnect to another instance.
   */
  disconnectLocalSockets(): void {
    this.server?.local.disconnectSockets(true);
  }

  onModuleDestroy(): void {
    this.subscription?.unsubscribe();
  }

  private async authenticate(socket: Socket): Promise<boolean> {
    const auth = socket.handshake.auth as { token?: unknown } | undefined;
    const verified = await this.tokens.verify(auth?.token);
    if (!verified) return false;
    const { user, expiresAt } = verified;
    const expiry = setTimeout(
      () => {
        this.logger.debug(`socket ${socket.id} of user ${user.id}: access token expired`);
        socket.disconnect(true);
      },
      Math.max(0, expiresAt - Date.now()),
    );
    expiry.unref();
    const state: SocketState = { userId: user.id, expiry };
    socket.data = state;
    return true;
  }
}

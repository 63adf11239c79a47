import type { AddressInfo } from 'node:net';
import type { NotificationDto } from '@cloudvault/contracts';
import { io, type Socket } from 'socket.io-client';
import type { TestApp } from './test-app';

/** Upper bound for anything awaited over a socket: a wait for a condition, never an assertion on time. */
const WAIT_MS = 10_000;

/** Starts the in-process app listening on a free loopback port; returns its base URL. */
export async function listenOnLoopback(t: TestApp): Promise<string> {
  await t.app.listen(0, '127.0.0.1');
  const { port } = t.app.getHttpServer().address() as AddressInfo;
  return `http://127.0.0.1:${port}`;
}

/** A socket.io client as the SPA opens it (websocket only, token in the handshake's `auth`). */
export function openSocket(baseUrl: string, auth: Record<string, unknown> = {}, query?: Record<string, string>) {
  return io(baseUrl, {
    path: '/api/socket.io',
    transports: ['websocket'],
    auth,
    query,
    reconnection: false,
    forceNew: true,
  });
}

/** Resolves once the socket is connected; rejects with the server's handshake error. */
export function connected(socket: Socket): Promise<Socket> {
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', (err) => reject(err));
  });
}

/** The handshake error message for a socket the server refuses. */
export function refusal(socket: Socket): Promise<string> {
  return new Promise((resolve, reject) => {
    socket.once('connect', () => reject(new Error('the server accepted the socket')));
    socket.once('connect_error', (err) => resolve(err.message));
  });
}

/** Every `notification` event a connected user receives, in order, with a bounded wait for the next ones. */
export class Inbox {
  readonly received: NotificationDto[] = [];
  private waiters: Array<() => void> = [];

  constructor(readonly socket: Socket) {
    socket.on('notification', (n: NotificationDto) => {
      this.received.push(n);
      for (const wake of this.waiters.splice(0)) wake();
    });
  }

  static async open(baseUrl: string, token: string): Promise<Inbox> {
    return new Inbox(await connected(openSocket(baseUrl, { token })));
  }

  /** Waits until an event matching `match` has arrived (at most 10 s); returns it. */
  async waitFor(match: (n: NotificationDto) => boolean, what = 'a notification'): Promise<NotificationDto> {
    const deadline = Date.now() + WAIT_MS;
    for (;;) {
      const found = this.received.find(match);
      if (found) return found;
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`timed out waiting for ${what}; received ${JSON.stringify(this.received)}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  close(): void {
    this.socket.disconnect();
  }
}

/** Resolves when the server ends the connection (e.g. on token expiry), at most 10 s. */
export function serverDisconnect(socket: Socket): Promise<string> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the server did not disconnect the socket')), WAIT_MS);
    socket.once('disconnect', (reason) => {
      clearTimeout(timer);
      resolve(reason);
    });
  });
}

import type { INestApplication } from '@nestjs/common';
import { IoAdapter } from '@nestjs/platform-socket.io';
import { createAdapter } from '@socket.io/redis-adapter';
import type { Redis } from 'ioredis';
import type { Server, ServerOptions } from 'socket.io';
import { AppConfigService } from '../../config/app-config.service';
import { connectRedis } from './redis-client';

/** socket.io on the API's HTTP server, accepting the configured browser origins (as CORS does for HTTP). */
class OriginCheckedIoAdapter extends IoAdapter {
  constructor(
    app: INestApplication,
    private readonly origins: readonly string[],
  ) {
    super(app);
  }

  override createIOServer(port: number, options?: ServerOptions): Server {
    const allowed = new Set(this.origins);
    return super.createIOServer(port, {
      ...options,
      cors: {
        origin: (origin: string | undefined, cb: (err: Error | null, ok?: boolean) => void) =>
          cb(null, !origin || allowed.has(origin)),
        credentials: true,
      },
    }) as Server;
  }
}

/** The same, with the Redis adapter: an event emitted to a room on one API instance reaches every instance. */
class RedisIoAdapter extends OriginCheckedIoAdapter {
  private readonly pub: Redis;
  private readonly sub: Redis;

  constructor(app: INestApplication, origins: readonly string[], url: string) {
    super(app, origins);
    this.pub = connectRedis(url, 'socket-pub');
    this.sub = this.pub.duplicate({ connectionName: 'cloudvault-socket-sub' });
  }

  override createIOServer(port: number, options?: ServerOptions): Server {
    const server = super.createIOServer(port, options);
    server.adapter(createAdapter(this.pub, this.sub));
    return server;
  }

  override async dispose(): Promise<void> {
    await Promise.allSettled([this.pub.quit(), this.sub.quit()]);
  }
}

/** The socket.io adapter chosen by configuration: Redis when REDIS_URL is set, else in-process. */
export function createSocketAdapter(app: INestApplication): IoAdapter {
  const config = app.get(AppConfigService);
  return config.redisUrl
    ? new RedisIoAdapter(app, config.corsOrigins, config.redisUrl)
    : new OriginCheckedIoAdapter(app, config.corsOrigins);
}

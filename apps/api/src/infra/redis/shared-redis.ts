import { Injectable, type OnApplicationShutdown } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { AppConfigService } from '../../config/app-config.service';
import { connectRedis } from './redis-client';

/** The Redis connection for shared state when REDIS_URL is set (null otherwise); closed at shutdown. */
@Injectable()
export class SharedRedis implements OnApplicationShutdown {
  readonly client: Redis | null;

  constructor(config: AppConfigService) {
    this.client = config.redisUrl ? connectRedis(config.redisUrl, 'limits') : null;
  }

  async onApplicationShutdown(): Promise<void> {
    await this.client?.quit().catch(() => undefined);
  }
}

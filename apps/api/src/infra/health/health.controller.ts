import { Controller, Get, Inject, Res, ServiceUnavailableException } from '@nestjs/common';
import { ApiExtraModels, ApiOkResponse, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { InjectConnection } from '@nestjs/mongoose';
import {
  HealthCheckService,
  HealthIndicatorService,
  type HealthCheckResult,
  type HealthIndicatorResult,
} from '@nestjs/terminus';
import type { Response } from 'express';
import type { Connection } from 'mongoose';
import { Public } from '../../common/decorators/public.decorator';
import { OBJECT_STORAGE, type ObjectStorage } from '../storage/object-storage';
import { HealthCheckDto, HealthDto } from './health.dto';
import { singleFlight } from './single-flight';

/** How long the database has to answer the probe's ping. */
const PING_TIMEOUT_MS = 1500;

/** Dependency checks: 200 when every dependency answers, 503 naming the ones that do not. */
@ApiTags('system')
@ApiExtraModels(HealthCheckDto)
@Controller('health')
export class HealthController {
  private readonly probe = singleFlight(() => this.runChecks());

  constructor(
    private readonly health: HealthCheckService,
    @InjectConnection() private readonly connection: Connection,
    private readonly indicators: HealthIndicatorService,
    @Inject(OBJECT_STORAGE) private readonly storage: ObjectStorage,
  ) {}

  @Public()
  @Get()
  @ApiOkResponse({ type: HealthDto })
  @ApiServiceUnavailableResponse({ type: HealthDto })
  async check(@Res({ passthrough: true }) res: Response): Promise<HealthDto> {
    const result = await this.probe();
    if (result.status !== 'ok') res.status(503);
    const checks: HealthDto['checks'] = {};
    for (const [name, r] of Object.entries(result.details))
      checks[name] = { status: r.status === 'up' ? 'up' : 'down' };
    if (result.status === 'ok') return { status: 'ok', checks };
    const down = Object.keys(checks).filter((name) => checks[name]?.status === 'down');
    return {
      statusCode: 503,
      error: 'Service Unavailable',
      message: `Unavailable: ${down.join(', ')}`,
      status: 'error',
      checks,
    };
  }

  private async runChecks(): Promise<HealthCheckResult> {
    try {
      return await this.health.check([() => this.databaseCheck(), () => this.storageCheck()]);
    } catch (e) {
      if (!(e instanceof ServiceUnavailableException)) throw e;
      return e.getResponse() as HealthCheckResult;
    }
  }

  /**
   * A ping the database answers (terminus's Mongoose indicator only reads the connection's state, which stays
   * "connected" until the driver has noticed a failure, so a stopped database looked healthy for a moment).
   */
  private async databaseCheck(): Promise<HealthIndicatorResult> {
    const indicator = this.indicators.check('database');
    try {
      await this.connection.db?.command({ ping: 1 }, { timeoutMS: PING_TIMEOUT_MS });
      return this.connection.db ? indicator.up() : indicator.down();
    } catch {
      return indicator.down();
    }
  }

  /** local: the files directory is writable; s3: the bucket answers HeadBucket. */
  private async storageCheck(): Promise<HealthIndicatorResult> {
    const indicator = this.indicators.check('storage');
    return (await this.storage.isHealthy()) ? indicator.up() : indicator.down();
  }
}

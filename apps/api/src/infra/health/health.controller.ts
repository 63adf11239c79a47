import { Controller, Get, Res, ServiceUnavailableException } from '@nestjs/common';
import { ApiOkResponse, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { HealthCheckService, MongooseHealthIndicator, type HealthCheckResult } from '@nestjs/terminus';
import type { Response } from 'express';
import { Public } from '../../common/decorators/public.decorator';
import { HealthDto } from './health.dto';

/** Dependency checks: 200 when every dependency answers, 503 naming the ones that do not. */
@ApiTags('system')
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly mongoose: MongooseHealthIndicator,
  ) {}

  @Public()
  @Get()
  @ApiOkResponse({ type: HealthDto })
  @ApiServiceUnavailableResponse({ type: HealthDto })
  async check(@Res({ passthrough: true }) res: Response): Promise<HealthDto> {
    let result: HealthCheckResult;
    try {
      result = await this.health.check([() => this.mongoose.pingCheck('database', { timeout: 1500 })]);
    } catch (e) {
      if (!(e instanceof ServiceUnavailableException)) throw e;
      result = e.getResponse() as HealthCheckResult;
      res.status(503);
    }
    const checks: HealthDto['checks'] = {};
    for (const [name, r] of Object.entries(result.details)) checks[name] = { status: r.status === 'up' ? 'up' : 'down' };
    return { status: result.status === 'ok' ? 'ok' : 'error', checks };
  }
}

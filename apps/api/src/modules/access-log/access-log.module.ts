import { Module } from '@nestjs/common';
import { AccessLogController } from './access-log.controller';
import { AccessLogService } from './access-log.service';

/** GET /api/access-log, read from the global audit trail (AuditModule exports its model). */
@Module({
  controllers: [AccessLogController],
  providers: [AccessLogService],
})
export class AccessLogModule {}

import { Global, Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { AuditEvent, AuditEventSchema } from './audit-event.schema';
import { AuditService } from './audit.service';

/** Global: every feature module records audit events; the model is exported for the access-log reader. */
@Global()
@Module({
  imports: [MongooseModule.forFeature([{ name: AuditEvent.name, schema: AuditEventSchema }])],
  providers: [AuditService],
  exports: [AuditService, MongooseModule],
})
export class AuditModule {}

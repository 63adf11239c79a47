import { type DynamicModule, type MiddlewareConsumer, Module, type NestModule } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { AllExceptionsFilter } from './common/filters/all-exceptions.filter';
import { JwtAuthGuard } from './common/guards/jwt-auth.guard';
import { RolesGuard } from './common/guards/roles.guard';
import { AppConfigModule } from './config/app-config.module';
import { AuditModule } from './infra/audit/audit.module';
import { CryptoModule } from './infra/crypto/crypto.module';
import { DatabaseModule } from './infra/database/database.module';
import { HealthModule } from './infra/health/health.module';
import { LimitsModule } from './infra/limits/limits.module';
import { LoggingModule } from './infra/logging/logging.module';
import { MailModule } from './infra/mail/mail.module';
import { RequestContextMiddleware } from './infra/request-context/request-context.middleware';
import { SpaModule } from './infra/spa/spa.module';
import { AuthModule } from './modules/auth/auth.module';
import { UsersModule } from './modules/users/users.module';
import { ClinicalModule } from './modules/clinical/clinical.module';
import { VitalsModule } from './modules/vitals/vitals.module';
import { FilesModule } from './modules/files/files.module';
import { AccessLogModule } from './modules/access-log/access-log.module';
import { ConsultationsModule } from './modules/consultations/consultations.module';
import { DoctorModule } from './modules/doctor/doctor.module';
import { NotesModule } from './modules/notes/notes.module';
import { PrescriptionsModule } from './modules/prescriptions/prescriptions.module';
import { SummariesModule } from './modules/summaries/summaries.module';
import { NotificationsModule } from './modules/notifications/notifications.module';
import { AppointmentsModule } from './modules/appointments/appointments.module';
import { NotificationsGatewayModule } from './modules/notifications/notifications-gateway.module';
import { MessagesModule } from './modules/messages/messages.module';
import { ExportModule } from './modules/export/export.module';

/** Feature modules, in the order their routes appear in the OpenAPI document. */
const FEATURE_MODULES = [
  HealthModule,
  AuthModule,
  UsersModule,
  ClinicalModule,
  ConsultationsModule,
  VitalsModule,
  FilesModule,
  DoctorModule,
  NotesModule,
  PrescriptionsModule,
  SummariesModule,
  AccessLogModule,
  NotificationsModule,
  AppointmentsModule,
  NotificationsGatewayModule,
  MessagesModule,
  ExportModule,
];

@Module({})
export class AppModule implements NestModule {
  /** Built at call time so the environment is read (and validated) when the app is created. */
  static forRoot(): DynamicModule {
    return {
      module: AppModule,
      imports: [
        AppConfigModule.forRoot(),
        LoggingModule,
        DatabaseModule,
        AuditModule,
        CryptoModule,
        MailModule,
        LimitsModule,
        ...FEATURE_MODULES,
        SpaModule,
      ],
      providers: [
        { provide: APP_FILTER, useClass: AllExceptionsFilter },
        { provide: APP_GUARD, useClass: JwtAuthGuard },
        { provide: APP_GUARD, useClass: RolesGuard },
      ],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(RequestContextMiddleware).forRoutes('*path');
  }
}

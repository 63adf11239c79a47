import { type DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { AllExceptionsFilter } from './common/filters/all-exceptions.filter';
import { RolesGuard } from './common/guards/roles.guard';
import { AppConfigModule } from './config/app-config.module';
import { DatabaseModule } from './infra/database/database.module';
import { HealthModule } from './infra/health/health.module';
import { LoggingModule } from './infra/logging/logging.module';
import { SpaModule } from './infra/spa/spa.module';

/** Feature modules, in the order their routes appear in the OpenAPI document. */
const FEATURE_MODULES = [HealthModule];

@Module({})
export class AppModule {
  /** Built at call time so the environment is read (and validated) when the app is created. */
  static forRoot(): DynamicModule {
    return {
      module: AppModule,
      imports: [AppConfigModule.forRoot(), LoggingModule, DatabaseModule, ...FEATURE_MODULES, SpaModule],
      providers: [
        { provide: APP_FILTER, useClass: AllExceptionsFilter },
        { provide: APP_GUARD, useClass: RolesGuard },
      ],
    };
  }
}

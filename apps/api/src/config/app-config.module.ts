import { type DynamicModule, Global, Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { AppConfigService } from './app-config.service';
import { validateEnv } from './env.validation';

@Global()
@Module({})
export class AppConfigModule {
  /** Reads and validates the environment at call time (so tests can set it per app instance). */
  static forRoot(): DynamicModule {
    return {
      module: AppConfigModule,
      imports: [ConfigModule.forRoot({ validate: validateEnv, ignoreEnvFile: process.env.NODE_ENV === 'test' })],
      providers: [AppConfigService],
      exports: [AppConfigService],
    };
  }
}

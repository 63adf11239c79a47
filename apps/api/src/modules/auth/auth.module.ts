import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { MongooseModule } from '@nestjs/mongoose';
import { PassportModule } from '@nestjs/passport';
import { ThrottlerModule } from '@nestjs/throttler';
import { AppConfigService } from '../../config/app-config.service';
import { RateLimitThrottlerStorage } from '../../infra/limits/rate-limit-throttler.storage';
import { RATE_LIMIT_STORE, type RateLimitStore } from '../../infra/limits/rate-limit.store';
import { AccessTokenVerifier } from './access-token.verifier';
import { UsersModule } from '../users/users.module';
import { AccountDeletionController } from './account-deletion.controller';
import { AccountDeletionService } from './account-deletion.service';
import { AuthErasureParticipant } from './auth-erasure.participant';
import { AuthThrottlerGuard } from './auth-throttler.guard';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { AuthFailuresInterceptor } from './auth-failures.interceptor';
import { IpFailureLimitGuard } from './ip-failure-limit.guard';
import { IpFailureLimiterService } from './ip-failure-limiter.service';
import { jwtKey } from './jwt-key';
import { JwtStrategy } from './jwt.strategy';
import { UsedMfaChallenge, UsedMfaChallengeSchema } from './used-mfa-challenge.schema';
import { LoginThrottleService } from './login-throttle.service';
import { MfaController } from './mfa.controller';
import { MfaService } from './mfa.service';
import { PasswordChangeService } from './password-change.service';
import { PasswordHasherService } from './password-hasher.service';
import { PasswordPolicyService } from './password-policy.service';
import { PasswordController } from './password.controller';
import { PasswordResetController } from './password-reset.controller';
import { PasswordResetLimiterService } from './password-reset-limiter.service';
import { PasswordResetToken, PasswordResetTokenSchema } from './password-reset-token.schema';
import { PasswordResetService } from './password-reset.service';
import { RegistrationLimiterService } from './registration-limiter.service';
import { SessionService } from './session.service';
import { SessionsModule } from './sessions.module';
import { JWT_ALGORITHM } from './token-claims';

/** All auth requests per IP and minute may be this many times the rejected-request limit. */
const AUTH_FLOOD_FACTOR = 100;

/**
 * Sign-up, sign-in, tokens, two-factor, password change; provides the `jwt` strategy of the global JwtAuthGuard
 * and the same access-token check for the socket.io handshake.
 */
@Module({
  imports: [
    UsersModule,
    SessionsModule,
    PassportModule,
    JwtModule.registerAsync({
      inject: [AppConfigService],
      useFactory: (config: AppConfigService) => {
        const key = jwtKey(config.jwtSecret);
        return {
          secretOrKeyProvider: () => key,
          signOptions: { algorithm: JWT_ALGORITHM },
          verifyOptions: { algorithms: [JWT_ALGORITHM] },
        };
      },
    }),
    ThrottlerModule.forRootAsync({
      inject: [AppConfigService, RATE_LIMIT_STORE],
      // Flood cap on all auth requests per IP; rejected requests have the tighter IpFailureLimitGuard. Counted
      // in the configured RateLimitStore (Redis with REDIS_URL), as is the password-reset limiter on it.
      useFactory: (config: AppConfigService, store: RateLimitStore) => ({
        throttlers: [{ name: 'default', ttl: 60_000, limit: config.authRateLimitPerMinute * AUTH_FLOOD_FACTOR }],
        storage: new RateLimitThrottlerStorage(store),
      }),
    }),
    MongooseModule.forFeature([
      { name: UsedMfaChallenge.name, schema: UsedMfaChallengeSchema },
      { name: PasswordResetToken.name, schema: PasswordResetTokenSchema },
    ]),
  ],
  controllers: [AuthController, PasswordController, PasswordResetController, MfaController, AccountDeletionController],
  providers: [
    AccessTokenVerifier,
    AccountDeletionService,
    AuthErasureParticipant,
    AuthService,
    AuthFailuresInterceptor,
    IpFailureLimitGuard,
    IpFailureLimiterService,
    AuthThrottlerGuard,
    JwtStrategy,
    LoginThrottleService,
    MfaService,
    PasswordChangeService,
    PasswordHasherService,
    PasswordPolicyService,
    PasswordResetLimiterService,
    PasswordResetService,
    RegistrationLimiterService,
    SessionService,
  ],
  exports: [AccessTokenVerifier],
})
export class AuthModule {}

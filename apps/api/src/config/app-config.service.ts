import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { resolve } from 'node:path';
import { loadOrCreateDevSecrets, type DevSecrets } from './dev-secrets';
import type { EnvironmentVariables } from './env.validation';

/** The only way code reads settings: typed getters over the validated environment. */
@Injectable()
export class AppConfigService {
  private devSecrets?: DevSecrets;

  constructor(private readonly config: ConfigService<EnvironmentVariables, true>) {}

  private get<K extends keyof EnvironmentVariables>(key: K): EnvironmentVariables[K] {
    return this.config.get(key, { infer: true });
  }

  get isProduction(): boolean {
    return this.get('NODE_ENV') === 'production';
  }
  get nodeEnv(): string {
    return this.get('NODE_ENV');
  }
  get port(): number {
    return this.get('PORT');
  }
  get host(): string {
    return this.get('HOST');
  }
  get dataDir(): string {
    return resolve(this.get('DATA_DIR'));
  }
  get mongoUri(): string | undefined {
    return this.get('MONGO_URI');
  }
  get dbInMemory(): boolean {
    return this.get('DB_IN_MEMORY');
  }
  get jwtSecret(): string {
    return this.get('JWT_SECRET') ?? this.generatedSecrets().jwtSecret;
  }
  get jwtRefreshSecret(): string {
    return this.get('JWT_REFRESH_SECRET') ?? this.generatedSecrets().jwtRefreshSecret;
  }
  /** Secrets accepted when verifying access tokens: the current one first, then the previous (rotation). */
  get jwtVerificationSecrets(): string[] {
    const previous = this.get('JWT_SECRET_PREVIOUS');
    return previous ? [this.jwtSecret, previous] : [this.jwtSecret];
  }
  /** Secrets refresh tokens may be stored under: the current one first, then the previous (rotation). */
  get jwtRefreshSecrets(): string[] {
    const previous = this.get('JWT_REFRESH_SECRET_PREVIOUS');
    return previous ? [this.jwtRefreshSecret, previous] : [this.jwtRefreshSecret];
  }
  get shutdownGraceMs(): number {
    return this.get('SHUTDOWN_GRACE_MS');
  }
  get jwtAccessTtlSeconds(): number {
    return this.get('JWT_ACCESS_TTL_SECONDS');
  }
  get sessionMaxAgeMs(): number {
    return this.get('SESSION_MAX_AGE_DAYS') * 86_400_000;
  }
  get sessionIdleTimeoutMs(): number {
    return this.get('SESSION_IDLE_TIMEOUT_MINUTES') * 60_000;
  }
  get corsOrigins(): string[] {
    return this.list('CORS_ORIGINS');
  }
  get storageDriver(): 'local' | 's3' {
    return this.get('STORAGE_DRIVER');
  }
  get s3(): {
    bucket?: string;
    region: string;
    endpoint?: string;
    forcePathStyle: boolean;
    sse?: 'AES256' | 'aws:kms';
  } {
    return {
      bucket: this.get('S3_BUCKET'),
      region: this.get('S3_REGION'),
      endpoint: this.get('S3_ENDPOINT'),
      forcePathStyle: this.get('S3_FORCE_PATH_STYLE'),
      sse: this.get('S3_SSE'),
    };
  }
  get fileEncryptionKey(): string | undefined {
    return this.get('FILE_ENCRYPTION_KEY');
  }
  /** Earlier master keys (hex), still used to read data encrypted before a rotation. */
  get fileEncryptionKeysPrevious(): string[] {
    return this.get('FILE_ENCRYPTION_KEYS_PREVIOUS')?.split(',') ?? [];
  }
  get uploadMaxBytes(): number {
    return this.get('UPLOAD_MAX_BYTES');
  }
  /** Bytes of files each patient may store in all. */
  get fileQuotaBytes(): number {
    return this.get('FILE_QUOTA_BYTES');
  }
  get jsonBodyLimit(): string {
    return this.get('JSON_BODY_LIMIT');
  }
  get mistral(): { apiKey?: string; model: string; serverUrl?: string; timeoutMs: number } {
    return {
      apiKey: this.get('MISTRAL_API_KEY'),
      model: this.get('MISTRAL_MODEL'),
      serverUrl: this.get('MISTRAL_SERVER_URL'),
      timeoutMs: this.get('MISTRAL_TIMEOUT_MS'),
    };
  }
  get mfaRequiredRoles(): string[] {
    return this.list('MFA_REQUIRED_ROLES');
  }
  get loginMaxFailures(): number {
    return this.get('LOGIN_MAX_FAILURES');
  }
  get loginFailureWindowMs(): number {
    return this.get('LOGIN_FAILURE_WINDOW_MINUTES') * 60_000;
  }
  get loginSlowdownMaxMs(): number {
    return this.get('LOGIN_SLOWDOWN_MAX_MS');
  }
  get registrationLimitPerHour(): number {
    return this.get('REGISTRATION_LIMIT_PER_HOUR');
  }
  /** Writes per user and hour, by kind of write. */
  get writeLimitsPerHour(): Record<'vitals' | 'uploads' | 'notes', number> {
    return {
      vitals: this.get('VITALS_RATE_LIMIT_PER_HOUR'),
      uploads: this.get('UPLOADS_RATE_LIMIT_PER_HOUR'),
      notes: this.get('NOTES_RATE_LIMIT_PER_HOUR'),
    };
  }
  get authRateLimitPerMinute(): number {
    return this.get('AUTH_RATE_LIMIT_PER_MINUTE');
  }
  get summaryRateLimitPerHour(): number {
    return this.get('SUMMARY_RATE_LIMIT_PER_HOUR');
  }
  /** At most this many future appointments per patient and doctor. */
  get appointmentsMaxFuturePerPair(): number {
    return this.get('APPOINTMENTS_MAX_FUTURE_PER_PAIR');
  }
  /** How often each API instance sweeps for due appointment reminders. */
  get appointmentReminderSweepMs(): number {
    return this.get('APPOINTMENT_REMINDER_SWEEP_MS');
  }
  /** Set: events, rate limits and revoked sessions are shared by every API instance through Redis. */
  get redisUrl(): string | undefined {
    return this.get('REDIS_URL');
  }
  /** Reset emails one address may ask for per hour (a client address: 4 times this). */
  get passwordResetRequestsPerHour(): number {
    return this.get('PASSWORD_RESET_REQUESTS_PER_HOUR');
  }
  get logLevel(): string {
    return this.get('LOG_LEVEL');
  }
  /** SMTP when `smtpUrl` is set, else `.eml` files under DATA_DIR/outbox. */
  get mail(): { smtpUrl?: string; from: string; outboxDir: string } {
    return { smtpUrl: this.get('SMTP_URL'), from: this.get('MAIL_FROM'), outboxDir: resolve(this.dataDir, 'outbox') };
  }
  /** The SPA's address, for links in emails (no trailing slash). */
  get publicUrl(): string {
    return (this.get('PUBLIC_URL') ?? `http://localhost:${this.port}`).replace(/\/+$/, '');
  }
  get webDist(): string {
    return resolve(this.get('WEB_DIST'));
  }

  private list(key: 'CORS_ORIGINS' | 'MFA_REQUIRED_ROLES'): string[] {
    return this.get(key)
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
  }

  private generatedSecrets(): DevSecrets {
    this.devSecrets ??= loadOrCreateDevSecrets(this.dataDir);
    return this.devSecrets;
  }
}

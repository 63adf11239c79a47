import { plainToInstance, Transform, Type } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
  MinLength,
  validateSync,
} from 'class-validator';

const toBool = ({ value }: { value: unknown }) =>
  value === undefined || value === '' ? undefined : ['1', 'true', 'yes'].includes(String(value).toLowerCase());
const emptyToUndefined = ({ value }: { value: unknown }) => (value === '' ? undefined : value);

/** Every setting CloudVault reads, with its default. Documented one-to-one in `.env.example`. */
export class EnvironmentVariables {
  @IsIn(['development', 'production', 'test'])
  NODE_ENV: 'development' | 'production' | 'test' = 'development';

  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT = 3000;

  @IsString()
  HOST = '0.0.0.0';

  @IsString()
  DATA_DIR = './data';

  @Transform(emptyToUndefined)
  @IsOptional()
  @Matches(/^mongodb(\+srv)?:\/\//, { message: 'MONGO_URI must start with mongodb:// or mongodb+srv://' })
  MONGO_URI?: string;

  @Transform(toBool)
  @IsBoolean()
  DB_IN_MEMORY = false;

  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  @MinLength(32, { message: 'JWT_SECRET must be at least 32 characters' })
  JWT_SECRET?: string;

  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  @MinLength(32, { message: 'JWT_REFRESH_SECRET must be at least 32 characters' })
  JWT_REFRESH_SECRET?: string;

  /** Key rotation: the previous JWT_SECRET, still accepted when verifying access tokens during the window. */
  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  @MinLength(32, { message: 'JWT_SECRET_PREVIOUS must be at least 32 characters' })
  JWT_SECRET_PREVIOUS?: string;

  /** Key rotation: the previous JWT_REFRESH_SECRET, still accepted for refresh tokens issued under it. */
  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  @MinLength(32, { message: 'JWT_REFRESH_SECRET_PREVIOUS must be at least 32 characters' })
  JWT_REFRESH_SECRET_PREVIOUS?: string;

  /** Milliseconds SIGTERM waits for in-flight requests before closing the remaining connections. */
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(600_000)
  SHUTDOWN_GRACE_MS = 25_000;

  @Type(() => Number)
  @IsInt()
  @Min(60)
  @Max(900)
  JWT_ACCESS_TTL_SECONDS = 900;

  /** Absolute lifetime of a sign-in session: no refresh extends it past this. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(365)
  SESSION_MAX_AGE_DAYS = 30;

  /** A session not refreshed for this long ends (each refresh token lives this long). */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(7 * 24 * 60)
  SESSION_IDLE_TIMEOUT_MINUTES = 30;

  @IsString()
  CORS_ORIGINS = 'http://localhost:3000,http://localhost:4200';

  @IsIn(['local', 's3'])
  STORAGE_DRIVER: 'local' | 's3' = 'local';

  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  S3_BUCKET?: string;

  @IsString()
  S3_REGION = 'us-east-1';

  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  S3_ENDPOINT?: string;

  @Transform(toBool)
  @IsBoolean()
  S3_FORCE_PATH_STYLE = false;

  @Transform(emptyToUndefined)
  @IsOptional()
  @IsIn(['AES256', 'aws:kms'])
  S3_SSE?: 'AES256' | 'aws:kms';

  @Transform(emptyToUndefined)
  @IsOptional()
  @Matches(/^[0-9a-fA-F]{64}$/, { message: 'FILE_ENCRYPTION_KEY must be 64 hex characters (32 bytes)' })
  FILE_ENCRYPTION_KEY?: string;

  /** Key rotation: earlier FILE_ENCRYPTION_KEY values (comma-separated hex), still used to read during the window. */
  @Transform(emptyToUndefined)
  @IsOptional()
  @Matches(/^[0-9a-fA-F]{64}(,[0-9a-fA-F]{64}){0,7}$/, {
    message: 'FILE_ENCRYPTION_KEYS_PREVIOUS must be up to 8 comma-separated keys of 64 hex characters',
  })
  FILE_ENCRYPTION_KEYS_PREVIOUS?: string;

  @Type(() => Number)
  @IsInt()
  @Min(1024)
  UPLOAD_MAX_BYTES = 25 * 1024 * 1024;

  @Type(() => Number)
  @IsInt()
  @Min(1)
  FILE_QUOTA_BYTES = 1024 * 1024 * 1024;

  @IsString()
  JSON_BODY_LIMIT = '1mb';

  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  MISTRAL_API_KEY?: string;

  @IsString()
  MISTRAL_MODEL = 'mistral-small-latest';

  @Transform(emptyToUndefined)
  @IsOptional()
  @Matches(/^https?:\/\//, { message: 'MISTRAL_SERVER_URL must be an http(s) URL' })
  MISTRAL_SERVER_URL?: string;

  @Type(() => Number)
  @IsInt()
  @Min(1000)
  @Max(120000)
  MISTRAL_TIMEOUT_MS = 20000;

  @Matches(/^((patient|doctor)(,(patient|doctor))*)?$/, {
    message: 'MFA_REQUIRED_ROLES must be a comma-separated list of patient, doctor',
  })
  MFA_REQUIRED_ROLES = '';

  @Type(() => Number)
  @IsInt()
  @Min(1)
  LOGIN_MAX_FAILURES = 10;

  @Type(() => Number)
  @IsInt()
  @Min(1)
  LOGIN_FAILURE_WINDOW_MINUTES = 15;

  /** Cap of the per-account slow-down (exponential delay once an account has LOGIN_MAX_FAILURES failures); 0: off. */
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(60_000)
  LOGIN_SLOWDOWN_MAX_MS = 8000;

  @Type(() => Number)
  @IsInt()
  @Min(1)
  AUTH_RATE_LIMIT_PER_MINUTE = 30;

  /** Successful sign-ups per client address and hour. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  REGISTRATION_LIMIT_PER_HOUR = 20;

  @Type(() => Number)
  @IsInt()
  @Min(1)
  VITALS_RATE_LIMIT_PER_HOUR = 600;

  @Type(() => Number)
  @IsInt()
  @Min(1)
  UPLOADS_RATE_LIMIT_PER_HOUR = 60;

  @Type(() => Number)
  @IsInt()
  @Min(1)
  NOTES_RATE_LIMIT_PER_HOUR = 120;

  @Type(() => Number)
  @IsInt()
  @Min(1)
  SUMMARY_RATE_LIMIT_PER_HOUR = 20;

  @Type(() => Number)
  @IsInt()
  @Min(1)
  APPOINTMENTS_MAX_FUTURE_PER_PAIR = 3;

  @Type(() => Number)
  @IsInt()
  @Min(50)
  APPOINTMENT_REMINDER_SWEEP_MS = 60_000;
  /** Redis shared by every API instance (socket.io events, rate limits, revoked sessions); unset: in-process. */
  @Transform(emptyToUndefined)
  @IsOptional()
  @Matches(/^rediss?:\/\//, { message: 'REDIS_URL must start with redis:// or rediss://' })
  REDIS_URL?: string;

  @Type(() => Number)
  @IsInt()
  @Min(1)
  PASSWORD_RESET_REQUESTS_PER_HOUR = 5;

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';

  @IsString()
  WEB_DIST = 'dist/apps/web/browser';

  @Transform(emptyToUndefined)
  @IsOptional()
  @Matches(/^smtps?:\/\//, { message: 'SMTP_URL must start with smtp:// or smtps://' })
  SMTP_URL?: string;

  @IsString()
  @MinLength(3)
  MAIL_FROM = 'CloudVault <no-reply@localhost>';

  @Transform(emptyToUndefined)
  @IsOptional()
  @Matches(/^https?:\/\/[^/\s]+(\/[^\s]*)?$/, { message: 'PUBLIC_URL must be an http(s) URL' })
  PUBLIC_URL?: string;
}

/** Used by ConfigModule: fails start-up with one clear message listing every invalid variable. */
/** https, or plain http to this machine's loopback (a local gateway: the data does not leave the host). */
function isHttpsOrLoopback(url: string): boolean {
  if (url.startsWith('https://')) return true;
  try {
    const { protocol, hostname } = new URL(url);
    return protocol === 'http:' && (hostname === 'localhost' || hostname === '[::1]' || hostname.startsWith('127.'));
  } catch {
    return false;
  }
}

export function validateEnv(raw: Record<string, unknown>): EnvironmentVariables {
  const env = plainToInstance(EnvironmentVariables, raw, { exposeDefaultValues: true });
  const errors = validateSync(env, { skipMissingProperties: false });
  const problems = errors.flatMap((e) => Object.values(e.constraints ?? {}));
  if (env.NODE_ENV === 'production') {
    if (!env.JWT_SECRET) problems.push('JWT_SECRET is required in production');
    if (!env.JWT_REFRESH_SECRET) problems.push('JWT_REFRESH_SECRET is required in production');
    if (env.JWT_SECRET && env.JWT_SECRET === env.JWT_REFRESH_SECRET)
      problems.push('JWT_SECRET and JWT_REFRESH_SECRET must differ');
    if (!env.FILE_ENCRYPTION_KEY)
      problems.push('FILE_ENCRYPTION_KEY is required in production (a key kept next to the data protects nothing)');
    if (env.STORAGE_DRIVER === 's3' && !env.S3_BUCKET) problems.push('S3_BUCKET is required when STORAGE_DRIVER=s3');
    if (env.MISTRAL_SERVER_URL && !isHttpsOrLoopback(env.MISTRAL_SERVER_URL))
      problems.push('MISTRAL_SERVER_URL must be an https URL in production (patient data travels over it)');
  }
  if (env.SESSION_IDLE_TIMEOUT_MINUTES * 60 < env.JWT_ACCESS_TTL_SECONDS)
    problems.push('SESSION_IDLE_TIMEOUT_MINUTES must be at least as long as JWT_ACCESS_TTL_SECONDS');
  if (problems.length) {
    throw new Error(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
  }
  return env;
}

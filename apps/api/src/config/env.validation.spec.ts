import { validateEnv } from './env.validation';

describe('validateEnv', () => {
  it('gives safe defaults in development', () => {
    const env = validateEnv({});
    expect(env).toMatchObject({
      NODE_ENV: 'development',
      PORT: 3000,
      DATA_DIR: './data',
      STORAGE_DRIVER: 'local',
      UPLOAD_MAX_BYTES: 26214400,
    });
    expect(env.MONGO_URI).toBeUndefined();
  });

  it('coerces numbers and booleans from strings', () => {
    const env = validateEnv({ PORT: '8080', DB_IN_MEMORY: 'true', S3_FORCE_PATH_STYLE: '1' });
    expect(env.PORT).toBe(8080);
    expect(env.DB_IN_MEMORY).toBe(true);
    expect(env.S3_FORCE_PATH_STYLE).toBe(true);
  });

  it.each([
    [{ PORT: 'abc' }, /PORT/],
    [{ PORT: '70000' }, /PORT/],
    [{ STORAGE_DRIVER: 'ftp' }, /STORAGE_DRIVER/],
    [{ MONGO_URI: 'postgres://x' }, /MONGO_URI/],
    [{ FILE_ENCRYPTION_KEY: 'short' }, /FILE_ENCRYPTION_KEY/],
    [{ MFA_REQUIRED_ROLES: 'admin' }, /MFA_REQUIRED_ROLES/],
    [{ JWT_ACCESS_TTL_SECONDS: '3600' }, /JWT_ACCESS_TTL_SECONDS/],
    [{ SESSION_MAX_AGE_DAYS: '0' }, /SESSION_MAX_AGE_DAYS/],
    [{ SESSION_IDLE_TIMEOUT_MINUTES: '10', JWT_ACCESS_TTL_SECONDS: '900' }, /SESSION_IDLE_TIMEOUT_MINUTES/],
    [{ VITALS_RATE_LIMIT_PER_HOUR: '0' }, /VITALS_RATE_LIMIT_PER_HOUR/],
    [{ REGISTRATION_LIMIT_PER_HOUR: 'many' }, /REGISTRATION_LIMIT_PER_HOUR/],
  ])('rejects %p with a clear message', (raw, pattern) => {
    expect(() => validateEnv(raw)).toThrow(pattern);
  });

  it('refuses to start in production without real secrets', () => {
    expect(() => validateEnv({ NODE_ENV: 'production' })).toThrow(
      /JWT_SECRET is required in production[\s\S]*JWT_REFRESH_SECRET is required/,
    );
    const secret = 'a'.repeat(40);
    expect(() => validateEnv({ NODE_ENV: 'production', JWT_SECRET: secret, JWT_REFRESH_SECRET: secret })).toThrow(
      /must differ/,
    );
    const secrets = { JWT_SECRET: secret, JWT_REFRESH_SECRET: 'b'.repeat(40) };
    expect(() => validateEnv({ NODE_ENV: 'production', ...secrets })).toThrow(
      /FILE_ENCRYPTION_KEY is required in production/,
    );
    expect(() =>
      validateEnv({ NODE_ENV: 'production', ...secrets, FILE_ENCRYPTION_KEY: 'c'.repeat(64) }),
    ).not.toThrow();
  });

  it('refuses a malformed FILE_ENCRYPTION_KEY and takes the per-patient file quota (default 1 GiB)', () => {
    expect(() => validateEnv({ FILE_ENCRYPTION_KEY: 'c'.repeat(63) })).toThrow(/FILE_ENCRYPTION_KEY must be 64 hex/);
    expect(validateEnv({}).FILE_QUOTA_BYTES).toBe(1024 ** 3);
    expect(validateEnv({ FILE_QUOTA_BYTES: '5000' }).FILE_QUOTA_BYTES).toBe(5000);
    expect(() => validateEnv({ FILE_QUOTA_BYTES: '0' })).toThrow(/FILE_QUOTA_BYTES/);
  });

  it('session lifetimes default to 30 days absolute and 30 minutes idle', () => {
    expect(validateEnv({})).toMatchObject({ SESSION_MAX_AGE_DAYS: 30, SESSION_IDLE_TIMEOUT_MINUTES: 30 });
  });

  it('refuses a plain-http Mistral endpoint in production only', () => {
    const prod = { NODE_ENV: 'production', JWT_SECRET: 'a'.repeat(40), JWT_REFRESH_SECRET: 'b'.repeat(40) };
    expect(() => validateEnv({ ...prod, MISTRAL_SERVER_URL: 'http://mistral.example' })).toThrow(
      /MISTRAL_SERVER_URL must be an https URL in production/,
    );
    expect(() => validateEnv({ ...prod, MISTRAL_SERVER_URL: 'https://mistral.example' })).not.toThrow(/MISTRAL/);
    expect(() => validateEnv({ MISTRAL_SERVER_URL: 'http://127.0.0.1:4010' })).not.toThrow();
  });
});

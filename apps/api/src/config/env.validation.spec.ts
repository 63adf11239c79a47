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
});

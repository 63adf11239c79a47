import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
// eslint-disable-next-line @nx/enforce-module-boundaries -- tools/load is plain Node shared with the load script and the bench, not an Nx project
import { startBuiltServer } from '../../../../tools/load/built-server.cjs';

/**
 * The file encryption key at start-up of the PRODUCTION build (`node dist/apps/api/main.js`): a key
 * generated next to the data it protects protects nothing, and a damaged key must stop start-up, not
 * silently become another key.
 */
describe('file encryption key at start-up', () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

  it('production refuses to start without FILE_ENCRYPTION_KEY, and says so', async () => {
    await expect(startBuiltServer({ env: { FILE_ENCRYPTION_KEY: '' }, timeoutMs: 30_000 })).rejects.toThrow(
      /FILE_ENCRYPTION_KEY is required in production/,
    );
  }, 60_000);

  it.each([
    ['truncated', 'a1b2c3d4e5f6'],
    ['malformed', 'not a key at all, but 64 characters long: xxxxxxxxxxxxxxxxxxxxxxx'],
  ])(
    'a %s key file fails start-up with a clear message',
    async (_case, content) => {
      const dataDir = mkdtempSync(join(tmpdir(), 'cv-keyfile-'));
      dirs.push(dataDir);
      mkdirSync(join(dataDir, 'keys'), { mode: 0o700 });
      writeFileSync(join(dataDir, 'keys', 'master.key'), content, { mode: 0o600 });
      await expect(
        startBuiltServer({
          dataDir,
          env: { NODE_ENV: 'development', FILE_ENCRYPTION_KEY: '', DB_IN_MEMORY: 'true' },
          timeoutMs: 30_000,
        }),
      ).rejects.toThrow(/encryption key file .*master\.key is malformed or truncated: it must hold 64 hex characters/);
    },
    60_000,
  );
});

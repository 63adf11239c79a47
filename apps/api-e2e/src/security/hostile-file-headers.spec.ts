import fc from 'fast-check';
// eslint-disable-next-line @nx/enforce-module-boundaries -- tools/load is plain Node shared with the load script and the bench, not an Nx project
import { startBuiltServer, type BuiltServer } from '../../../../tools/load/built-server.cjs';
import { CONTAINER_HEADERS, asfZeroSizeObject } from './support/container-headers';

const PASSWORD = 'hostile headers passphrase 4';
/** The bound on each answer: a type check that loops on hostile bytes never answers at all. */
const ANSWER_BOUND_MS = 1000;
const RUNS = Number(process.env['FUZZ_RUNS'] ?? 10);
const SEED = Number(process.env['FUZZ_SEED'] ?? 20261202);

/**
 * Type detection of hostile file headers against the PRODUCTION process (`node dist/apps/api/main.js`): a
 * detector that never yields hangs the whole process (API and in-process database), so these uploads go to
 * a real server and each must be answered, 2xx or 4xx, within the bound.
 */
describe('hostile file headers are answered, never hang the process', () => {
  let server: BuiltServer;
  let auth: string;

  /** The status of the answer, or `undefined` when none came within the bound. */
  const send = async (bytes: Uint8Array, name: string): Promise<number | undefined> => {
    const form = new FormData();
    form.append('file', new Blob([bytes]), name);
    try {
      const res = await fetch(`${server.baseUrl}/api/files`, {
        method: 'POST',
        headers: { authorization: auth },
        body: form,
        signal: AbortSignal.timeout(ANSWER_BOUND_MS),
      });
      await res.arrayBuffer();
      return res.status;
    } catch {
      return undefined;
    }
  };
  /**
   * Sent once more when the first answer misses the bound: a process stuck in a detector never answers
   * again, while a shared, busy test machine may delay one answer now and then.
   */
  const upload = async (bytes: Uint8Array, name: string) => (await send(bytes, name)) ?? send(bytes, name);
  const answered = (status: number | undefined) => status !== undefined && status < 500;

  beforeAll(async () => {
    server = await startBuiltServer({ env: { LOG_LEVEL: 'warn' } });
    const json = { 'content-type': 'application/json' };
    const email = `headers.${Date.now()}@hostile.test`;
    await fetch(`${server.baseUrl}/api/auth/register`, {
      method: 'POST',
      headers: json,
      body: JSON.stringify({ email, password: PASSWORD, name: 'Header Test', role: 'patient' }),
    });
    const login = await fetch(`${server.baseUrl}/api/auth/login`, {
      method: 'POST',
      headers: json,
      body: JSON.stringify({ email, password: PASSWORD }),
    });
    auth = `Bearer ${((await login.json()) as { accessToken: string }).accessToken}`;
    // one ordinary upload first, unbounded: the bound is on detecting hostile bytes, not on a cold process
    const form = new FormData();
    form.append('file', new Blob(['warm-up text\n']), 'warm-up.txt');
    await fetch(`${server.baseUrl}/api/files`, { method: 'POST', headers: { authorization: auth }, body: form });
  }, 90_000);
  afterAll(() => server?.stop());

  it('an ASF header object of size 0 (file-type 16 looped forever) → 415, and the server still answers', async () => {
    expect(await upload(asfZeroSizeObject(), 'video.wmv')).toBe(415);
    expect((await fetch(`${server.baseUrl}/api/health`)).status).toBe(200);
  });

  it(`random and truncated headers of every container format are each answered (${RUNS} cases, seed ${SEED})`, async () => {
    const formats = Object.keys(CONTAINER_HEADERS);
    const failures: string[] = [];
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...formats),
        fc.uint8Array({ maxLength: 4200 }),
        fc.array(fc.tuple(fc.nat(4200), fc.constantFrom(0, 1, 0xffffffff, 0x7fffffff, 24, 8)), { maxLength: 6 }),
        fc.nat(4300),
        async (format, tail, sizes, cut) => {
          const bytes = Buffer.concat([CONTAINER_HEADERS[format](), Buffer.from(tail)]);
          // plant hostile size fields at random offsets, then truncate anywhere
          for (const [at, size] of sizes) if (at + 4 <= bytes.length) bytes.writeUInt32LE(size, at);
          const status = await upload(bytes.subarray(0, Math.max(1, cut)), `${format}.bin`);
          if (!answered(status))
            failures.push(`${format} (${bytes.length} bytes, cut ${cut}): ${status ?? 'no answer'}`);
          return answered(status);
        },
      ),
      { seed: SEED, numRuns: RUNS * formats.length },
    );
    expect(failures).toEqual([]);
    expect((await fetch(`${server.baseUrl}/api/health`)).status).toBe(200);
  }, 300_000);
});

import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { startTestApp, type TestApp } from '../support/test-app';
import { signUp, type TestUser } from '../support/users';
import { fixtures } from './file-fixtures';

const QUOTA = 50_000;

/** Stored objects of one patient under DATA_DIR/files. */
async function objectsOf(patientId: string): Promise<string[]> {
  return readdir(join(process.env['DATA_DIR'] as string, 'files', patientId)).catch(() => []);
}

/** Each patient may store FILE_QUOTA_BYTES of files in all; an upload that would go over is a 413, stored nowhere. */
describe('per-patient file storage quota', () => {
  let t: TestApp;
  let alice: TestUser;
  let bob: TestUser;

  beforeAll(async () => {
    t = await startTestApp({ FILE_QUOTA_BYTES: String(QUOTA), STORAGE_DRIVER: 'local' });
    [alice, bob] = [await signUp(t.http, 'patient'), await signUp(t.http, 'patient')];
  });
  afterAll(() => t.close());

  const upload = (user: TestUser, bytes: Buffer, name = 'scan.pdf') =>
    t.http.post('/api/files').set('authorization', user.auth).attach('file', bytes, { filename: name });
  const count = async (user: TestUser) =>
    ((await t.http.get('/api/files').set('authorization', user.auth).expect(200)).body as { items: unknown[] }).items
      .length;

  it('accepts files up to the quota, refuses the one that would exceed it with 413, and stores nothing of it', async () => {
    const first = await upload(alice, fixtures.pdf(30_000));
    expect(first.status).toBe(201);
    const over = await upload(alice, fixtures.pdf(30_000));
    expect(over.status).toBe(413);
    expect(over.body).toMatchObject({ statusCode: 413, message: expect.stringMatching(/storage quota exceeded/i) });
    expect(await count(alice)).toBe(1);
    expect(await objectsOf(alice.id)).toHaveLength(1);
    // what is left still fits
    expect((await upload(alice, fixtures.csv(), 'small.csv')).status).toBe(201);
    // the quota is per patient
    expect((await upload(bob, fixtures.pdf(30_000))).status).toBe(201);
  });

  it('deleting a file makes room again', async () => {
    const items = (await t.http.get('/api/files').set('authorization', alice.auth)).body as { items: { id: string }[] };
    for (const item of items.items)
      await t.http.delete(`/api/files/${item.id}`).set('authorization', alice.auth).expect(204);
    expect((await upload(alice, fixtures.pdf(30_000))).status).toBe(201);
  });
});

import { getConnectionToken } from '@nestjs/mongoose';
import { type Collection, type Connection, Types } from 'mongoose';
import { startTestApp, type TestApp } from '../support/test-app';
import { signUp, type TestUser } from '../support/users';
import { binary, fixtures, multipart, type Part, sha256 } from './file-fixtures';

/** Upload limit used by the suites: small, so oversize cases stay fast. */
export const TEST_UPLOAD_MAX_BYTES = 1024 * 1024;

/** What differs between storage drivers: where objects are and how to take the store down. */
export interface StorageBackend {
  env(): Record<string, string>;
  /** Objects currently in the store. */
  listObjects(): Promise<string[]>;
  /** Raw stored bytes of every object (to check what is at rest). */
  readObjects?(): Promise<Buffer[]>;
  /** Makes the store fail (stop the server, make the directory unwritable). */
  breakStorage(): Promise<void>;
}

/**
 * The files contract, run once per storage driver: upload/list/metadata/content/delete over HTTP on the
 * real app, byte-identical round trips, type and size checks, ownership, consistency when storage fails.
 */
export function describeFilesApi(label: string, backend: StorageBackend): void {
  describe(`files over HTTP (${label} storage)`, () => {
    let t: TestApp;
    let alice: TestUser;
    let bob: TestUser;
    let doctor: TestUser;
    let files: Collection;
    let audit: Collection;

    beforeAll(async () => {
      t = await startTestApp({ UPLOAD_MAX_BYTES: String(TEST_UPLOAD_MAX_BYTES), ...backend.env() });
      [alice, bob, doctor] = [
        await signUp(t.http, 'patient'),
        await signUp(t.http, 'patient'),
        await signUp(t.http, 'doctor'),
      ];
      const db = t.app.get<Connection>(getConnectionToken());
      files = db.collection('medical_files');
      audit = db.collection('audit_events');
    });
    afterAll(() => t.close());

    const upload = (user: TestUser, parts: Part[]) => {
      const { body, contentType } = multipart(parts);
      return t.http.post('/api/files').set('authorization', user.auth).set('content-type', contentType).send(body);
    };
    const uploadFile = (user: TestUser, value: Buffer, filename: string, extra: Part[] = []) =>
      upload(user, [{ name: 'file', value, filename }, ...extra]);
    const download = (user: TestUser, id: string) =>
      t.http.get(`/api/files/${id}/content`).set('authorization', user.auth).buffer(true).parse(binary);

    /** Nothing may change: metadata count and stored objects. */
    async function expectNothingRecorded(run: () => Promise<unknown>): Promise<void> {
      const [docs, objects] = [await files.countDocuments(), await backend.listObjects()];
      await run();
      expect(await files.countDocuments()).toBe(docs);
      expect(await backend.listObjects()).toEqual(objects);
    }

    it.each([
      ['report.pdf', 'application/pdf', fixtures.pdf()],
      ['scan.png', 'image/png', fixtures.png()],
      ['photo.jpg', 'image/jpeg', fixtures.jpeg()],
      ['photo.webp', 'image/webp', fixtures.webp()],
      ['image.dcm', 'application/dicom', fixtures.dicom()],
      ['readings.csv', 'text/csv', fixtures.csv()],
      ['notes.txt', 'text/plain', fixtures.text()],
      ['large.pdf', 'application/pdf', fixtures.pdf(TEST_UPLOAD_MAX_BYTES - 200)],
    ])('%s round-trips byte-identical as %s', async (name, type, bytes) => {
      const res = await uploadFile(alice, bytes, name, [{ name: 'description', value: `about ${name}` }]).expect(201);
      expect(res.body).toEqual({
        id: expect.stringMatching(/^[0-9a-f]{24}$/),
        patientId: alice.id,
        name,
        description: `about ${name}`,
        contentType: type,
        size: bytes.length,
        sha256: sha256(bytes),
        createdAt: expect.any(String),
      });
      const meta = await t.http.get(`/api/files/${res.body.id}`).set('authorization', alice.auth).expect(200);
      expect(meta.body).toEqual(res.body);
      const content = await download(alice, res.body.id).expect(200);
      expect(sha256(content.body as Buffer)).toBe(sha256(bytes));
      expect(content.headers['content-type']).toContain(type);
      expect(content.headers['content-disposition']).toBe(`attachment; filename="${name}"; filename*=UTF-8''${name}`);
      expect(content.headers['x-content-type-options']).toBe('nosniff');
      expect(content.headers['content-length']).toBe(String(bytes.length));
      const oid = new Types.ObjectId(alice.id);
      expect(await audit.countDocuments({ action: 'file.upload', resourceId: res.body.id, patientId: oid })).toBe(1);
      expect(await audit.countDocuments({ action: 'file.download', resourceId: res.body.id, patientId: oid })).toBe(1);
      expect(await audit.countDocuments({ action: 'file.read', resourceId: res.body.id, patientId: oid })).toBe(1);
    });

    it('over the size limit is 413 and leaves nothing behind (declared length and while streaming)', async () => {
      for (const size of [TEST_UPLOAD_MAX_BYTES + 200_000, TEST_UPLOAD_MAX_BYTES + 1]) {
        await expectNothingRecorded(async () => {
          const res = await uploadFile(alice, fixtures.pdf(size), 'big.pdf').expect(413);
          expect(res.body).toMatchObject({ statusCode: 413, error: 'Payload Too Large' });
        });
      }
    });

    it.each([
      ['an ELF executable named .pdf', fixtures.elf(), 'invoice.pdf'],
      ['a Windows executable named .pdf', fixtures.exe(), 'results.pdf'],
      ['text with binary after the first bytes', fixtures.textThenBinary(), 'data.csv'],
      ['a zip archive', Buffer.concat([Buffer.from('504b0304', 'hex'), Buffer.alloc(3000, 1)]), 'scan.png'],
    ])('%s is 415 and nothing is recorded', async (_label, bytes, name) => {
      await expectNothingRecorded(async () => {
        const res = await uploadFile(alice, bytes, name).expect(415);
        expect(res.body).toMatchObject({ statusCode: 415, error: 'Unsupported Media Type' });
      });
    });

    it('bad multipart input is a 400 with details and nothing is recorded', async () => {
      await expectNothingRecorded(async () => {
        expect((await upload(alice, [{ name: 'description', value: 'no file' }]).expect(400)).body.details).toEqual([
          { field: 'file', message: 'file is required' },
        ]);
        await uploadFile(alice, Buffer.alloc(0), 'empty.txt').expect(400);
        const long = await uploadFile(alice, fixtures.pdf(), 'a.pdf', [
          { name: 'description', value: 'x'.repeat(1001) },
        ]).expect(400);
        expect(long.body.details[0].field).toBe('description');
        const unknown = await uploadFile(alice, fixtures.pdf(), 'a.pdf', [{ name: 'patientId', value: bob.id }]).expect(
          400,
        );
        expect(unknown.body.details[0].field).toBe('patientId');
        await upload(alice, [
          { name: 'file', value: fixtures.pdf(), filename: 'a.pdf' },
          { name: 'file', value: fixtures.pdf(), filename: 'b.pdf' },
        ]).expect(400);
        await t.http.post('/api/files').set('authorization', alice.auth).send({ file: 'x' }).expect(400);
        // A raw control character in a part header is not valid multipart.
        await uploadFile(alice, fixtures.pdf(), 'bell\u0007.pdf').expect(400);
      });
    });

    it('sanitises names: no path parts, no control characters, bounded length', async () => {
      const cases: [string, string][] = [
        ['../../etc/passwd.pdf', 'passwd.pdf'],
        ['..\\..\\windows\\system32\\evil.pdf', 'evil.pdf'],
        ['bad\u202ename\u200b.pdf', 'badname.pdf'],
        ['..', 'file'],
        [`${'a'.repeat(300)}.pdf`, `${'a'.repeat(196)}.pdf`],
      ];
      for (const [raw, expected] of cases) {
        const res = await uploadFile(alice, fixtures.pdf(100), raw).expect(201);
        expect(res.body.name).toBe(expected);
      }
      const odd = await uploadFile(alice, fixtures.pdf(100), 'résumé (final).pdf').expect(201);
      const content = await download(alice, odd.body.id).expect(200);
      expect(content.headers['content-disposition']).toBe(
        `attachment; filename="r_sum_ (final).pdf"; filename*=UTF-8''r%C3%A9sum%C3%A9%20%28final%29.pdf`,
      );
    });

    it("another patient's ids are 404 everywhere and change nothing; bad ids 400; doctors 403", async () => {
      const own = await uploadFile(alice, fixtures.pdf(), 'private.pdf').expect(201);
      const id = own.body.id as string;
      for (const path of [`/api/files/${id}`, `/api/files/${id}/content`]) {
        const res = await t.http.get(path).set('authorization', bob.auth).expect(404);
        expect(res.body).toMatchObject({ statusCode: 404, error: 'Not Found' });
      }
      await t.http.delete(`/api/files/${id}`).set('authorization', bob.auth).expect(404);
      await t.http.get(`/api/files/${id}`).set('authorization', alice.auth).expect(200);
      const bobsList = await t.http.get('/api/files').set('authorization', bob.auth).expect(200);
      expect(bobsList.body.items).toEqual([]);
      for (const path of ['/api/files/nope', '/api/files/nope/content'])
        await t.http.get(path).set('authorization', alice.auth).expect(400);
      await t.http.get('/api/files').set('authorization', doctor.auth).expect(403);
      await t.http.get(`/api/files/${id}/content`).set('authorization', doctor.auth).expect(403);
      await uploadFile(doctor, fixtures.pdf(), 'x.pdf').expect(403);
      await t.http.get('/api/files').expect(401);
    });

    it('lists newest first with search, date filters and disjoint, complete pages', async () => {
      const carol = await signUp(t.http, 'patient');
      const ids: string[] = [];
      for (let i = 0; i < 7; i++) {
        const res = await uploadFile(carol, fixtures.text(), `lab-${i}.txt`, [
          { name: 'description', value: i % 2 ? 'Cardiology letter' : 'Blood (CBC) panel' },
        ]);
        ids.unshift(res.body.id);
      }
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const res: { body: { items: { id: string }[]; nextCursor: string | null } } = await t.http
          .get(`/api/files?limit=3${cursor ? `&cursor=${cursor}` : ''}`)
          .set('authorization', carol.auth)
          .expect(200);
        seen.push(...res.body.items.map((f) => f.id));
        cursor = res.body.nextCursor;
      } while (cursor);
      expect(seen).toEqual(ids);
      const q = await t.http.get('/api/files?q=cardiology').set('authorization', carol.auth).expect(200);
      expect(q.body.items).toHaveLength(3);
      const byName = await t.http.get('/api/files?q=LAB-6').set('authorization', carol.auth).expect(200);
      expect(byName.body.items.map((f: { id: string }) => f.id)).toEqual([ids[0]]);
      const literal = await t.http
        .get(`/api/files?q=${encodeURIComponent('(CBC)')}`)
        .set('authorization', carol.auth)
        .expect(200);
      expect(literal.body.items).toHaveLength(4);
      await t.http.get('/api/files?q=.*').set('authorization', carol.auth).expect(200, { items: [], nextCursor: null });
      const future = new Date(Date.now() + 3600_000).toISOString();
      await t.http
        .get(`/api/files?from=${future}`)
        .set('authorization', carol.auth)
        .expect(200, { items: [], nextCursor: null });
      const past = await t.http
        .get(`/api/files?to=${future}&from=2020-01-01T00:00:00Z`)
        .set('authorization', carol.auth)
        .expect(200);
      expect(past.body.items).toHaveLength(7);
      for (const qs of ['q[$ne]=x', 'limit=501', 'from=soon', 'cursor=bad!', `q=${'x'.repeat(101)}`]) {
        await t.http.get(`/api/files?${qs}`).set('authorization', carol.auth).expect(400);
      }
    });

    it('delete removes the metadata and the stored object', async () => {
      const res = await uploadFile(alice, fixtures.png(), 'gone.png').expect(201);
      const before = await backend.listObjects();
      await t.http.delete(`/api/files/${res.body.id}`).set('authorization', alice.auth).expect(204);
      expect(await backend.listObjects()).toHaveLength(before.length - 1);
      expect(await files.countDocuments({ _id: new Types.ObjectId(res.body.id as string) })).toBe(0);
      await t.http.get(`/api/files/${res.body.id}`).set('authorization', alice.auth).expect(404);
      await t.http.delete(`/api/files/${res.body.id}`).set('authorization', alice.auth).expect(404);
    });

    it('every stored object has metadata and every metadata has its object (no orphans)', async () => {
      expect((await backend.listObjects()).length).toBe(await files.countDocuments());
    });

    if (backend.readObjects) {
      it('the bytes at rest are not the plaintext', async () => {
        const text = fixtures.text();
        await uploadFile(alice, text, 'secret.txt').expect(201);
        const stored = await (backend.readObjects as () => Promise<Buffer[]>)();
        expect(stored.length).toBeGreaterThan(0);
        for (const bytes of stored) {
          expect(bytes.includes(Buffer.from('Allergies: penicillin'))).toBe(false);
          expect(bytes.includes(Buffer.from('%PDF-1.7'))).toBe(false);
        }
      });
    }

    it('storage down: upload is 503 with nothing recorded, health reports storage down', async () => {
      await t.http.get('/api/health').expect(200);
      await backend.breakStorage();
      const docs = await files.countDocuments();
      const res = await uploadFile(alice, fixtures.pdf(), 'while-down.pdf').expect(503);
      expect(res.body).toMatchObject({ statusCode: 503, error: 'Service Unavailable' });
      expect(JSON.stringify(res.body)).not.toMatch(/ECONNREFUSED|ENOTDIR|at \w+ \(/);
      expect(await files.countDocuments()).toBe(docs);
      expect(
        await audit.countDocuments({
          action: 'file.upload',
          patientId: new Types.ObjectId(alice.id),
          resourceId: { $exists: false },
        }),
      ).toBe(0);
      const health = await t.http.get('/api/health').expect(503);
      expect(health.body.checks).toMatchObject({ database: { status: 'up' }, storage: { status: 'down' } });
    });
  });
}

import { HeadObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { getConnectionToken } from '@nestjs/mongoose';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Connection, Types } from 'mongoose';
import S3rver from 's3rver';
import { startTestApp, type TestApp } from '../support/test-app';
import { signUp, type TestUser } from '../support/users';
import { TcpProxy } from './support/tcp-proxy';

const BUCKET = 'cloudvault-faults';
const FILE_BYTES = 3 * 1024 * 1024;
const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const pdf = () =>
  Buffer.concat([Buffer.from('%PDF-1.7\n1 0 obj << >> endobj\n'), randomBytes(FILE_BYTES), Buffer.from('\n%%EOF\n')]);

/**
 * The object store (S3 driver against s3rver, reached through a proxy the test controls) goes away while
 * several uploads are streaming: each upload is either stored completely (201, metadata and object) or
 * refused with 503 leaving no metadata; health names the store; uploads work again once it is back.
 * (The store being down before an upload starts, and local summaries when the AI provider is down, are
 * covered in ../files/files-suite.ts and ../summaries.)
 */
describe('faults: the object store goes away during uploads', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cloudvault-fault-s3-'));
  const s3rver = new S3rver({
    port: 0,
    address: '127.0.0.1',
    silent: true,
    directory: dir,
    configureBuckets: [{ name: BUCKET, configs: [] }],
  });
  let proxy: TcpProxy;
  let s3: S3Client;
  let t: TestApp;
  let patient: TestUser;

  const upload = (bytes: Buffer, name: string) =>
    t.http
      .post('/api/files')
      .set('authorization', patient.auth)
      .timeout(20_000)
      .attach('file', bytes, { filename: name, contentType: 'application/pdf' });
  const filesOfPatient = () =>
    t.app
      .get<Connection>(getConnectionToken())
      .collection('medical_files')
      .find({ patientId: new Types.ObjectId(patient.id) })
      .toArray();

  beforeAll(async () => {
    const { port } = await s3rver.run();
    proxy = new TcpProxy(port);
    await proxy.resume();
    const credentials = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };
    s3 = new S3Client({ region: 'us-east-1', endpoint: `http://127.0.0.1:${port}`, forcePathStyle: true, credentials });
    t = await startTestApp({
      STORAGE_DRIVER: 's3',
      S3_BUCKET: BUCKET,
      S3_ENDPOINT: proxy.url,
      S3_FORCE_PATH_STYLE: 'true',
      S3_REGION: 'us-east-1',
      AWS_ACCESS_KEY_ID: credentials.accessKeyId,
      AWS_SECRET_ACCESS_KEY: credentials.secretAccessKey,
    });
    patient = await signUp(t.http, 'patient');
  });
  afterAll(async () => {
    await t?.close();
    await proxy?.cut();
    s3?.destroy();
    await s3rver.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('stores each upload whole or answers 503 with no metadata, reports the store down, and recovers', async () => {
    const control = pdf();
    const first = await upload(control, 'before.pdf').expect(201);

    const bodies = Array.from({ length: 5 }, pdf);
    const startBytes = proxy.bytesUp;
    let finished = 0;
    const inFlight = bodies.map((b, i) =>
      upload(b, `during-${i}.pdf`).then((r) => {
        finished += 1;
        return { status: r.status, body: r.body as { id?: string; sha256?: string }, sent: b };
      }),
    );
    // cut the store while the uploads are streaming through to it
    while (proxy.bytesUp - startBytes < 2 * FILE_BYTES && finished < bodies.length)
      await new Promise((r) => setTimeout(r, 5));
    await proxy.cut();
    const results = await Promise.all(inFlight);

    expect(results.map((r) => r.status).filter((s) => s !== 201 && s !== 503)).toEqual([]);
    expect(results.some((r) => r.status === 503)).toBe(true);
    for (const r of results.filter((x) => x.status === 503)) {
      expect(r.body).toMatchObject({ statusCode: 503, error: 'Service Unavailable' });
      expect(JSON.stringify(r.body)).not.toMatch(/ECONN|socket|127\.0\.0\.1|at \w+ \(/);
    }
    const health = await t.http.get('/api/health').expect(503);
    expect(health.body.checks).toMatchObject({ database: { status: 'up' }, storage: { status: 'down' } });
    // a delete while the store is away answers 503 and changes nothing: the file is still listed and readable
    const firstId = first.body.id as string;
    await t.http.delete(`/api/files/${firstId}`).set('authorization', patient.auth).timeout(20_000).expect(503);
    await t.http.get(`/api/files/${firstId}`).set('authorization', patient.auth).expect(200);
    const listed = await t.http.get('/api/files').set('authorization', patient.auth).expect(200);
    expect(listed.body.items.map((f: { id: string }) => f.id)).toContain(firstId);

    // metadata exists exactly for the acknowledged uploads, and each has its complete object in the store
    const acknowledged = [
      first.body.id as string,
      ...results.filter((r) => r.status === 201).map((r) => r.body.id as string),
    ];
    const docs = await filesOfPatient();
    expect(docs.map((d) => String(d['_id'])).sort()).toEqual([...acknowledged].sort());
    for (const d of docs) await s3.send(new HeadObjectCommand({ Bucket: BUCKET, Key: String(d['storageKey']) }));

    // the store comes back: uploads and downloads work again, byte for byte
    await proxy.resume();
    await t.http.get('/api/health').expect(200);
    const again = pdf();
    const after = await upload(again, 'after.pdf').expect(201);
    expect(after.body.sha256).toBe(sha256(again));
    const back = await t.http
      .get(`/api/files/${firstId}/content`)
      .set('authorization', patient.auth)
      .responseType('blob')
      .expect(200);
    expect(sha256(back.body as Buffer)).toBe(sha256(control));
    for (const r of results.filter((x) => x.status === 201)) expect(r.body.sha256).toBe(sha256(r.sent));
    // and the delete that failed goes through now
    await t.http.delete(`/api/files/${firstId}`).set('authorization', patient.auth).expect(204);
    await t.http.get(`/api/files/${firstId}`).set('authorization', patient.auth).expect(404);
  }, 120_000);
});

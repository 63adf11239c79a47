import { GetObjectCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import S3rver from 's3rver';
import { describeFilesApi } from './files-suite';

const BUCKET = 'cloudvault-e2e';
const dir = mkdtempSync(join(tmpdir(), 'cv-s3rver-e2e-'));
const server = new S3rver({
  port: 0,
  address: '127.0.0.1',
  silent: true,
  directory: dir,
  configureBuckets: [{ name: BUCKET, configs: [] }],
});
let endpoint = '';
let client: S3Client;
let running = false;

beforeAll(async () => {
  const { port } = await server.run();
  running = true;
  endpoint = `http://127.0.0.1:${port}`;
  client = new S3Client({
    region: 'us-east-1',
    endpoint,
    forcePathStyle: true,
    credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
  });
});
afterAll(async () => {
  client.destroy();
  if (running) await server.close();
  rmSync(dir, { recursive: true, force: true });
});

async function listObjects(): Promise<string[]> {
  const res = await client.send(new ListObjectsV2Command({ Bucket: BUCKET }));
  return (res.Contents ?? []).map((o) => o.Key as string).sort();
}

describeFilesApi('s3 (s3rver on loopback)', {
  env: () => ({
    STORAGE_DRIVER: 's3',
    S3_BUCKET: BUCKET,
    S3_ENDPOINT: endpoint,
    S3_FORCE_PATH_STYLE: 'true',
    S3_REGION: 'us-east-1',
    AWS_ACCESS_KEY_ID: 'S3RVER',
    AWS_SECRET_ACCESS_KEY: 'S3RVER',
  }),
  listObjects,
  // what a leaked bucket would reveal: the raw objects, read past the application
  readObjects: async () =>
    Promise.all(
      (await listObjects()).map(async (Key) =>
        Buffer.from(
          (await (await client.send(new GetObjectCommand({ Bucket: BUCKET, Key }))).Body?.transformToByteArray()) ?? [],
        ),
      ),
    ),
  breakStorage: async () => {
    await server.close();
    running = false;
  },
});

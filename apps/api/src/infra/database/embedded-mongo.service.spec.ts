import { ConfigService } from '@nestjs/config';
import { MongoClient } from 'mongodb';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { AppConfigService } from '../../config/app-config.service';
import { validateEnv } from '../../config/env.validation';
import { DatabaseUriService } from './embedded-mongo.service';

function service(env: Record<string, string>): DatabaseUriService {
  return new DatabaseUriService(new AppConfigService(new ConfigService(validateEnv(env) as never)));
}

describe('DatabaseUriService', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'api-db-'));
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  // the child compiles the library's sources through @swc-node/register on start: slow on a busy machine
  it('runs the on-disk embedded database in its own process and stops it on shutdown', async () => {
    const db = service({ DATA_DIR: dataDir, DB_IN_MEMORY: 'false' });
    const uri = await db.resolveUri();
    expect(uri).toMatch(/^mongodb:\/\/127\.0\.0\.1:\d+\/cloudvault$/);
    const client = await MongoClient.connect(uri);
    try {
      const status = await client.db('admin').command({ serverStatus: 1 });
      expect(status.pid).not.toBe(process.pid);
      await client.db().collection('x').insertOne({ a: 1 });
    } finally {
      await client.close();
    }
    await db.onApplicationShutdown();
    expect(fs.existsSync(path.join(dataDir, 'db', 'data.mdb'))).toBe(true);
    expect(fs.existsSync(path.join(dataDir, 'db', 'mongod.lock'))).toBe(false);
  }, 120_000);

  it('uses MONGO_URI unchanged when it is set', async () => {
    const uri = 'mongodb://db.example.test:27017/cloudvault';
    await expect(service({ MONGO_URI: uri }).resolveUri()).resolves.toBe(uri);
  });
});

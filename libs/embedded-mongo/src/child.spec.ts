import * as fs from 'node:fs';
import * as path from 'node:path';
import { MongoClient } from 'mongodb';
import { tmpDirs } from './testing/spawn-cli';
import { EmbeddedMongoChild } from './child';

// a child compiles the sources through @swc-node/register on start: slow on a busy machine

const dirs = tmpDirs('em-child-');
afterAll(() => dirs.cleanup());

describe('EmbeddedMongoChild', () => {
  it('serves the driver from its own process, keeps data across restarts and releases the directory', async () => {
    const dbPath = dirs.make();
    const logs: string[] = [];
    const logger = { log: (m: string) => logs.push(m), error: (m: string) => logs.push(m) };
    let w = await EmbeddedMongoChild.start({ dbPath, logger });
    let c = await MongoClient.connect(`${w.uri}/w`);
    await c
      .db('w')
      .collection('x')
      .insertMany([{ a: 1 }, { a: 2 }]);
    await c.close();
    await w.stop();
    expect(logs.join('\n')).toMatch(/listening on mongodb:\/\/127\.0\.0\.1:\d+/);
    expect(fs.existsSync(path.join(dbPath, 'mongod.lock'))).toBe(false);
    w = await EmbeddedMongoChild.start({ dbPath });
    c = await MongoClient.connect(`${w.uri}/w`);
    expect(
      await c
        .db('w')
        .collection('x')
        .countDocuments({ a: { $gte: 1 } }),
    ).toBe(2);
    await c.close();
    await w.stop();
  }, 120_000);

  it('rejects start with the server start-up error', async () => {
    const file = path.join(dirs.make(), 'a-file');
    fs.writeFileSync(file, 'x');
    await expect(EmbeddedMongoChild.start({ dbPath: path.join(file, 'db') })).rejects.toThrow(
      /data directory .* is not usable/,
    );
  }, 120_000);
});

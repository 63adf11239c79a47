import { spawn } from 'node:child_process';
import * as path from 'node:path';
import { MongoClient } from 'mongodb';
import { parseArgs } from './cli';

const WORKSPACE = path.resolve(__dirname, '../../..');

describe('cli', () => {
  it('parses --port, --dbpath, --inMemory and --host', () => {
    expect(parseArgs(['--port', '27017', '--dbpath', './data/db', '--host', '0.0.0.0', '--allow-remote'])).toEqual({
      port: 27017,
      dbPath: './data/db',
      host: '0.0.0.0',
    });
    expect(parseArgs(['--inMemory', '--port=0'])).toEqual({ inMemory: true, port: 0 });
    expect(() => parseArgs(['--bogus'])).toThrow(/unknown argument/);
    expect(() => parseArgs(['--port', 'x'])).toThrow(/--port/);
  });

  it('refuses a non-loopback --host without --allow-remote, saying why', () => {
    for (const host of ['0.0.0.0', '192.168.1.10', '::'])
      expect(() => parseArgs(['--host', host])).toThrow(/refusing to listen on .*no authentication.*--allow-remote/);
    for (const host of ['127.0.0.1', '127.1.2.3', '::1', 'localhost'])
      expect(parseArgs(['--host', host, '--inMemory'])).toEqual({ host, inMemory: true });
  });

  it('runs in the foreground, prints its URI, serves the driver and exits 0 on SIGINT', async () => {
    const child = spawn(
      process.execPath,
      ['-r', '@swc-node/register', 'libs/embedded-mongo/src/cli.ts', '--inMemory', '--port', '0'],
      { cwd: WORKSPACE, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    const uri = await new Promise<string>((resolve, reject) => {
      let out = '';
      child.stdout?.on('data', (d) => {
        out += String(d);
        if (out.includes('\n')) resolve(out.split('\n')[0]);
      });
      child.on('exit', (code) => reject(new Error(`exited ${code}`)));
    });
    expect(uri).toMatch(/^mongodb:\/\/127\.0\.0\.1:\d+$/);
    const client = await MongoClient.connect(`${uri}/cli`);
    await client.db('cli').collection('users').insertOne({ name: 'a' });
    expect(await client.db('cli').collection('users').countDocuments()).toBe(1);
    await client.close();
    const code = await new Promise<number | null>((resolve) => {
      child.on('exit', (c) => resolve(c));
      child.kill('SIGINT');
    });
    expect(code).toBe(0);
  }, 30_000);
});

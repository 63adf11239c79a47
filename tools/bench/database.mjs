// The embedded database alone, as its CLI (`npm run db`) runs it: used by the bench to seed a practice and
// to measure the engine without the API in front of it.
import { spawn } from 'node:child_process';
import { freePort, root } from '../load/built-server.cjs';

/** Starts the CLI server on `dbPath` (in memory without one); resolves once it listens. `pid` is its process. */
export async function startDatabase(dbPath) {
  const port = await freePort();
  const storage = dbPath ? ['--dbpath', dbPath] : ['--inMemory'];
  const child = spawn(
    process.execPath,
    [
      '-r',
      '@swc-node/register',
      'libs/embedded-mongo/src/cli.ts',
      '--port',
      String(port),
      ...storage,
      '--host',
      '127.0.0.1',
    ],
    { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  process.once('exit', () => child.exitCode === null && child.kill('SIGKILL'));
  await new Promise((resolve, reject) => {
    child.stdout.once('data', resolve);
    child.once('exit', (code) => reject(new Error(`embedded database exited with ${code}`)));
  });
  return {
    pid: child.pid,
    uri: `mongodb://127.0.0.1:${port}/cloudvault`,
    stop: () => new Promise((r) => (child.once('exit', r), child.kill('SIGTERM'))),
  };
}

/** Test support: the CLI in a child process (so it can be killed with SIGKILL), and its data directories. */
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const WORKSPACE = path.resolve(__dirname, '../../../..');
const CLI = path.join('libs', 'embedded-mongo', 'src', 'cli.ts');

export interface Spawned {
  child: ChildProcess;
  uri: string;
}

/** Starts the CLI on `dbPath`; resolves with its URI once printed, rejects with its stderr if it exits. */
export function spawnServer(dbPath: string): Promise<Spawned> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-r', '@swc-node/register', CLI, '--dbpath', dbPath, '--port', '0'], {
      cwd: WORKSPACE,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`server did not start: ${err}`));
    }, 30_000);
    child.stdout?.on('data', (d) => {
      out += String(d);
      const line = out.split('\n').find((l) => l.startsWith('mongodb://'));
      if (line) {
        clearTimeout(timer);
        resolve({ child, uri: line.trim() });
      }
    });
    child.stderr?.on('data', (d) => (err += String(d)));
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}: ${err}`));
    });
  });
}

export function exited(child: ChildProcess): Promise<void> {
  return new Promise((r) =>
    child.exitCode !== null || child.signalCode !== null ? r() : child.once('exit', () => r()),
  );
}

/** Temporary directories, removed by `cleanup()`. */
export function tmpDirs(prefix: string): { make(): string; cleanup(): void } {
  const dirs: string[] = [];
  return {
    make() {
      const d = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
      dirs.push(d);
      return d;
    },
    cleanup() {
      dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true }));
    },
  };
}

export interface BuiltServer {
  baseUrl: string;
  port: number;
  pid: number;
  dataDir: string;
  /** Everything the process wrote to stdout and stderr so far. */
  output(): string;
  /** The stop signal (SIGKILL after 10 s); resolves with the exit code. */
  stop(): Promise<number | null>;
}
export interface BuiltServerOptions {
  env?: Record<string, string>;
  nodeArgs?: string[];
  dataDir?: string;
  timeoutMs?: number;
  /** The folder holding dist/ and node_modules (default: this checkout). */
  root?: string;
  /** How stop() ends the process (default SIGTERM). */
  stopSignal?: NodeJS.Signals;
}
export const root: string;
export const mainJs: string;
export function freePort(): Promise<number>;
export function startBuiltServer(options?: BuiltServerOptions): Promise<BuiltServer>;

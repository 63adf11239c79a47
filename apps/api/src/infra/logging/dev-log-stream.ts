import type { DestinationStream } from 'pino';
import type { PrettyOptions } from 'pino-pretty';

interface LogLine {
  context?: string;
  req?: { method?: string; url?: string };
  res?: { statusCode?: number };
  responseTime?: number;
  [key: string]: unknown;
}

/** One line per request (`GET /api/me 200 4ms`) or message (`[Bootstrap] ...`). */
function readable(log: LogLine, messageKey: string): string {
  if (log.req && log.res) return `${log.req.method} ${log.req.url} ${log.res.statusCode} ${log.responseTime}ms`;
  const message = String(log[messageKey] ?? '');
  return log.context ? `[${log.context}] ${message}` : message;
}

/**
 * Readable log lines for development through pino-pretty, a devDependency: undefined when it is not
 * installed, and pino writes its JSON lines. Only called outside production, which starts without it.
 */
export async function devLogStream(): Promise<DestinationStream | undefined> {
  const loaded = await import('pino-pretty').catch(() => undefined);
  if (!loaded) return undefined;
  return loaded.default({
    sync: true,
    colorize: process.stdout.isTTY,
    singleLine: true,
    translateTime: 'SYS:HH:MM:ss',
    ignore: 'pid,hostname,context,req,res,responseTime',
    messageFormat: (log, messageKey) => readable(log as LogLine, messageKey),
  } satisfies PrettyOptions);
}

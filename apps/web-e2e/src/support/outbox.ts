import { simpleParser } from 'mailparser';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DATA_DIR_ENV } from './paths';

/** The link of the newest email to `to` in the server's outbox, waiting (bounded) for it to be written. */
export async function linkFromOutbox(to: string, pattern: RegExp, timeoutMs = 15_000): Promise<string> {
  const dir = join(process.env[DATA_DIR_ENV] ?? '', 'outbox');
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const files = existsSync(dir)
      ? readdirSync(dir)
          .filter((f) => f.endsWith('.eml'))
          .sort()
          .reverse()
      : [];
    for (const f of files) {
      const mail = await simpleParser(readFileSync(join(dir, f)));
      const recipients = [mail.to ?? []].flat().flatMap((a) => a.value.map((v) => v.address));
      const link = pattern.exec(mail.text ?? '')?.[0];
      if (recipients.includes(to) && link) return link;
    }
    if (Date.now() > deadline) throw new Error(`no email to ${to} with a matching link in ${dir}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

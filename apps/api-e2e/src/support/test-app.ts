import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import type TestAgent from 'supertest/lib/agent';
import { createApp } from '../../../api/src/app.setup';

export interface TestApp {
  app: NestExpressApplication;
  http: TestAgent;
  close(): Promise<void>;
}

/** The production app (same setup as main.ts), in-process, on a fresh in-memory embedded database. */
export async function startTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  Object.assign(process.env, env);
  const app = await createApp();
  try {
    await app.init();
  } catch (e) {
    // an app refused at start-up (e.g. a database newer than the code) still holds its connections
    await app.close().catch(() => undefined);
    throw e;
  }
  const http = request(app.getHttpServer());
  return { app, http, close: () => app.close() };
}

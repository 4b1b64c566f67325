import type { AddressInfo } from 'node:net';
import pino from 'pino';
import { createApp, createWorkers, type Workers } from '../../server/app.js';
import { loadConfig, type Config } from '../../server/config.js';
import type { Engine } from '../../server/infra/db/database.js';
import type { ZodApp } from '../../server/infra/http/app.js';
import { seed } from '../../server/modules/demo/index.js';
import { createTestDatabase, type TestDatabase } from './db.js';

export interface TestApp {
  app: ZodApp;
  workers: Workers;
  database: TestDatabase;
  config: Config;
  close(): Promise<void>;
}

/** The app on a fresh database (seeded), for HTTP tests through inject(). */
export async function createTestApp(
  opts: { engine?: Engine; seed?: 'demo' | 'none'; env?: Record<string, string> } = {},
): Promise<TestApp> {
  const database = await createTestDatabase(opts.engine ?? 'sqlite');
  const config = {
    ...loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', ...opts.env }),
    database: database.config,
  };
  await seed(database.handle.db, opts.seed ?? 'demo');
  const logger = pino({ level: process.env.MINHU_TEST_LOG ?? 'silent' });
  const app = await createApp(config, database.handle, logger);
  await app.ready();
  return {
    app,
    workers: createWorkers(database.handle, logger),
    database,
    config,
    close: async () => {
      await app.close();
      await database.drop();
    },
  };
}

/** A real server on a random loopback port with the built web app, for browser tests. */
export async function startTestServer(
  opts: { engine?: Engine; seed?: 'demo' | 'none'; env?: Record<string, string> } = {},
): Promise<{ url: string; testApp: TestApp; close(): Promise<void> }> {
  const testApp = await createTestApp(opts);
  await testApp.app.listen({ port: 0, host: '127.0.0.1' });
  // A real server keeps its search index, dashboard figures and opinion maps up as production does; timers and outbox stay manual.
  testApp.workers.search.start(100);
  testApp.workers.dashboards.start(100);
  testApp.workers.opinionMaps.start(100);
  const { port } = testApp.app.server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    testApp,
    close: async () => {
      await testApp.workers.search.stop();
      await testApp.workers.dashboards.stop();
      await testApp.workers.opinionMaps.stop();
      await testApp.close();
    },
  };
}

import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.js';
import { loadConfig } from '../../server/config.js';
import { openDatabase, type DatabaseHandle } from '../../server/infra/db/database.js';
import type { ZodApp } from '../../server/infra/http/app.js';

describe('when the database cannot be reached', () => {
  let app: ZodApp;
  let database: DatabaseHandle;
  beforeAll(async () => {
    // Nothing listens on port 1: every connection is refused at once.
    const config = loadConfig({ NODE_ENV: 'test', DATABASE_URL: 'postgres://minhu@127.0.0.1:1/minhu' });
    database = openDatabase(config.database);
    app = await createApp(config, database, pino({ level: 'silent' }));
    await app.ready();
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  it('liveness stays up, readiness and data routes answer 503 problem+json', async () => {
    expect((await app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
    const ready = await app.inject({ method: 'GET', url: '/readyz' });
    expect(ready.statusCode).toBe(503);
    expect(ready.headers['content-type']).toContain('application/problem+json');
    expect(ready.json()).toMatchObject({ code: 'SERVICE_UNAVAILABLE', detail: '数据库无法连接' });
    const data = await app.inject({ method: 'GET', url: '/api/v1/territories' });
    expect(data.statusCode).toBe(503);
    expect(data.headers['retry-after']).toBe('5');
  });
});

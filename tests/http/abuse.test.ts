import pino from 'pino';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.js';
import { openDatabase, type DatabaseHandle } from '../../server/infra/db/database.js';
import type { ZodApp } from '../../server/infra/http/app.js';
import { PER_ADDRESS_HOUR } from '../../server/modules/verification/one-time-code.js';
import { ENGINES } from '../support/db.js';
import { createTestApp, type TestApp } from '../support/server.js';

/**
 * Abuse: limits per address, per phone and per account. On PostgreSQL the app runs as two
 * processes would (two apps, two connection pools, one database): every limit must be one
 * limit for both. SQLite serves one process, so there both "processes" are the same app.
 */
describe.each(ENGINES)('abuse limits on %s', (engine) => {
  let t: TestApp;
  let second: { app: ZodApp; handle: DatabaseHandle } | null = null;
  let apps: ZodApp[];
  beforeAll(async () => {
    t = await createTestApp({ engine, env: { MINHU_LOGIN_RATE_PER_MINUTE: '6' } });
    apps = [t.app, t.app];
    if (engine === 'postgres') {
      const handle = openDatabase(t.database.config, { poolSize: 5 });
      const app = await createApp(t.config, handle, pino({ level: 'silent' }));
      await app.ready();
      second = { app, handle };
      apps = [t.app, app];
    }
  });
  afterAll(async () => {
    if (second) {
      await second.app.close();
      await second.handle.close();
    }
    await t?.close();
  });

  it('sign-in attempts per address: one limit across processes', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 14; i++) {
      const res = await apps[i % 2]!.inject({ method: 'POST', url: '/api/v1/auth/login', remoteAddress: '10.20.0.1', payload: { username: 'nobody', password: `guess-${i}` } });
      statuses.push(res.statusCode);
    }
    expect(statuses.filter((s) => s !== 429)).toHaveLength(6);
    expect(statuses.slice(6).every((s) => s === 429)).toBe(true);
    const other = await apps[1]!.inject({ method: 'POST', url: '/api/v1/auth/login', remoteAddress: '10.20.0.2', payload: { username: 'nobody', password: 'x' } });
    expect(other.statusCode).toBe(401);
  });

  it('failed sign-ins per account: the lock holds on every process', async () => {
    for (let i = 0; i < 5; i++) {
      const res = await apps[i % 2]!.inject({ method: 'POST', url: '/api/v1/auth/login', remoteAddress: `10.21.0.${i + 1}`, payload: { username: 'staff', password: `Wrong-${i}-pass!` } });
      // The fifth failure is the one that locks.
      expect(res.statusCode).toBe(i < 4 ? 401 : 423);
    }
    for (const app of apps) {
      const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', remoteAddress: '10.21.1.1', payload: { username: 'staff', password: 'Minhu@2026' } });
      expect(res.json()).toMatchObject({ code: 'ACCOUNT_LOCKED' });
    }
  });

  it('a flood of one-time-code requests for one phone sends one code', async () => {
    const phone = '13900001111';
    const results = await Promise.all(
      Array.from({ length: 16 }, (_, i) => apps[i % 2]!.inject({ method: 'POST', url: '/api/v1/public/otp', remoteAddress: `10.22.${i}.1`, payload: { phone } })),
    );
    const statuses = results.map((r) => r.statusCode);
    expect(statuses.filter((s) => s === 202), statuses.join(' ')).toHaveLength(1);
    expect(statuses.filter((s) => s === 429), statuses.join(' ')).toHaveLength(15);
    const rows = await t.database.handle.db.selectFrom('otp_challenge').select('id').where('phone', '=', phone).execute();
    expect(rows).toHaveLength(1);
    const sms = await sql<{ n: number | string }>`select count(*) as n from outbox where recipient = ${phone}`.execute(t.database.handle.db);
    expect(Number(sms.rows[0]!.n)).toBe(1);
  });

  it('one-time codes per address: the per-minute limit holds across processes', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 14; i++) {
      const res = await apps[i % 2]!.inject({ method: 'POST', url: '/api/v1/public/otp', remoteAddress: '10.23.0.1', payload: { phone: `1370000${String(i).padStart(4, '0')}` } });
      statuses.push(res.statusCode);
    }
    expect(statuses.filter((s) => s === 202)).toHaveLength(10);
    expect(statuses.slice(10).every((s) => s === 429)).toBe(true);
  });

  it('one-time codes per address: an hourly cap over all phones, kept in the database', async () => {
    const ip = '10.24.0.1';
    const now = Date.now();
    await t.database.handle.db
      .insertInto('otp_challenge')
      .values(
        Array.from({ length: PER_ADDRESS_HOUR }, (_, i) => ({
          id: `0190a000-0000-7000-8000-${String(i).padStart(12, '0')}`,
          phone: `1360000${String(i).padStart(4, '0')}`,
          purpose: 'appeal' as const,
          code_hash: 'x',
          created_at: new Date(now - 60_000 * (i + 2)).toISOString(),
          expires_at: new Date(now).toISOString(),
          attempts: 0,
          consumed_at: null,
          ip,
        })),
      )
      .execute();
    for (const app of apps) {
      const res = await app.inject({ method: 'POST', url: '/api/v1/public/otp', remoteAddress: ip, headers: { 'accept-language': 'en' }, payload: { phone: '13511112222' } });
      expect(res.statusCode).toBe(429);
      expect(res.json()).toMatchObject({ code: 'RATE_LIMITED', detail: 'Too many codes from this network; try again later' });
    }
    const elsewhere = await apps[1]!.inject({ method: 'POST', url: '/api/v1/public/otp', remoteAddress: '10.24.0.2', payload: { phone: '13511112222' } });
    expect(elsewhere.statusCode).toBe(202);
  });
});

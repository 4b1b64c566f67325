import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/server.js';
import { as, login, type Session } from '../support/http.js';

describe('working-day calendar API', () => {
  let t: TestApp;
  let admin: Session;
  beforeAll(async () => {
    t = await createTestApp();
    admin = await login(t.app, 'admin');
  });
  afterAll(async () => t?.close());

  const deadline = async (from: string, workingDays: number) =>
    (await t.app.inject({ method: 'GET', url: `/api/v1/calendar/deadline?from=${encodeURIComponent(from)}&workingDays=${workingDays}` })).json() as {
      due: string;
      calendarComplete: boolean;
    };

  it('ships the official 2026 calendar', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/calendar/days?year=2026' });
    const body = res.json() as { complete: boolean; items: { date: string; kind: string; name: string; source: string }[] };
    expect(body.complete).toBe(true);
    expect(body.items).toContainEqual({ date: '2026-10-10', kind: 'workday', name: '国庆节', source: 'official' });
    expect(body.items.filter((d) => d.kind === 'holiday' && d.name === '国庆节').length).toBe(7);
  });

  it('computes deadlines across National Day and the make-up Saturday', async () => {
    const r = await deadline('2026-09-30T10:00:00+08:00', 5);
    expect(r.due).toBe('2026-10-13T02:00:00.000Z');
    expect(r.calendarComplete).toBe(true);
  });

  it('an administrator enters next year’s holidays; deadlines follow at once', async () => {
    expect((await deadline('2026-12-31T09:00:00+08:00', 1)).calendarComplete).toBe(false);
    const before = await deadline('2026-12-31T17:00:00+08:00', 0.5);
    expect(before.due).toBe('2027-01-01T03:45:00.000Z'); // 元旦 not yet known: Friday counts
    const put = await t.app.inject({ method: 'PUT', url: '/api/v1/calendar/days/2027-01-01', headers: as(admin), payload: { kind: 'holiday', name: '元旦' } });
    expect(put.statusCode).toBe(200);
    expect((await deadline('2026-12-31T17:00:00+08:00', 0.5)).due).toBe('2027-01-04T03:45:00.000Z');
    const audit = await t.app.inject({ method: 'GET', url: '/api/v1/audit?resourceType=calendar_day', headers: as(admin) });
    expect((audit.json() as { items: { action: string; resourceId: string }[] }).items[0]).toMatchObject({ action: 'calendar.set_day', resourceId: '2027-01-01' });
    expect((await t.app.inject({ method: 'DELETE', url: '/api/v1/calendar/days/2027-01-01', headers: as(admin) })).statusCode).toBe(204);
    expect((await deadline('2026-12-31T17:00:00+08:00', 0.5)).due).toBe('2027-01-01T03:45:00.000Z');
  });

  it('refuses impossible dates and unknown kinds', async () => {
    for (const [date, payload] of [
      ['2026-02-30', { kind: 'holiday', name: 'x' }],
      ['2026-13-01', { kind: 'holiday', name: 'x' }],
      ['2027-01-02', { kind: 'vacation', name: 'x' }],
      ['2027-01-02', { kind: 'holiday', name: '<script>'.repeat(10) }],
    ] as const) {
      const res = await t.app.inject({ method: 'PUT', url: `/api/v1/calendar/days/${date}`, headers: as(admin), payload });
      expect(res.statusCode, date).toBe(400);
    }
  });
});

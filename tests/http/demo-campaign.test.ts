import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_TOWNS, seedDemoCampaignMonth, type CampaignMonthReport } from '../../server/modules/demo/index.js';
import { ENGINES } from '../support/db.js';
import { as, login } from '../support/http.js';
import { createTestApp, type TestApp } from '../support/server.js';

interface EventRow {
  id: string;
  venueId: string | null;
  territoryCode: string | null;
  state: string;
  stepIndex: number;
  missing: string[];
}

describe.each(ENGINES)('the demo consultation month on %s', (engine) => {
  let t: TestApp;
  let report: CampaignMonthReport | null;
  beforeAll(async () => {
    t = await createTestApp({ engine });
    report = await seedDemoCampaignMonth(t.database.handle.db);
  });
  afterAll(async () => t?.close());

  it('holds events at stations in all twelve towns, and is added once', async () => {
    expect(report?.events).toBe(24);
    expect(await seedDemoCampaignMonth(t.database.handle.db)).toBeNull();
    const staff = await login(t.app, 'staff');
    const r = await t.app.inject({ method: 'GET', url: `/api/v1/consultations?campaignId=${report?.campaignId}&limit=100`, headers: as(staff) });
    expect(r.statusCode).toBe(200);
    const items = (r.json() as { items: EventRow[] }).items;
    expect(items).toHaveLength(24);
    expect(items.every((e) => e.venueId !== null)).toBe(true);
    expect(new Set(items.map((e) => (e.territoryCode ?? '').slice(0, 9)))).toEqual(new Set(DEMO_TOWNS));
    // Every event got past the meeting, so its documents were all there (the procedure refuses otherwise).
    expect(items.every((e) => e.stepIndex >= 5)).toBe(true);
  });

  it('reports figures that are counts of its rows', async () => {
    const db = t.database.handle.db;
    const campaignId = report?.campaignId as string;
    const r = await t.app.inject({ method: 'GET', url: `/api/v1/public/campaigns/${campaignId}/suggestion-rollup` });
    expect(r.statusCode).toBe(200);
    const { events, rollup } = r.json() as { events: number; rollup: { suggestions: number; decided: number; adopted: number; adoptionRate: number | null; assigned: number; implemented: number } };
    expect(events).toBe(24);

    const rows = await db
      .selectFrom('suggestion')
      .innerJoin('consultation', 'consultation.id', 'suggestion.consultation_id')
      .select(['suggestion.state', 'suggestion.decision', 'suggestion.lead_unit_id', 'suggestion.grade'])
      .where('consultation.campaign_id', '=', campaignId)
      .execute();
    const live = rows.filter((s) => s.state !== 'merged');
    const decided = live.filter((s) => s.decision !== null);
    const adopted = decided.filter((s) => s.decision === 'adopted' || s.decision === 'partly_adopted');
    expect(rollup.suggestions).toBe(live.length);
    expect(rollup.decided).toBe(decided.length);
    expect(rollup.adopted).toBe(adopted.length);
    expect(rollup.adoptionRate).toBeCloseTo(adopted.length / decided.length, 3);
    expect(rollup.assigned).toBe(live.filter((s) => s.lead_unit_id !== null).length);
    expect(rollup.implemented).toBe(live.filter((s) => s.state === 'closed' && s.grade === 'A').length);
    // A month of this size: between three and five suggestions an event, most of them adopted.
    expect(live.length).toBeGreaterThanOrEqual(72);
    expect(live.length).toBeLessThanOrEqual(120);
    expect(rollup.adoptionRate).toBeGreaterThan(0.5);
    expect(rollup.implemented).toBeGreaterThan(0);
  });

  it('evaluates each event from its own records', async () => {
    const staff = await login(t.app, 'staff');
    const list = await t.app.inject({ method: 'GET', url: `/api/v1/consultations?campaignId=${report?.campaignId}&limit=100`, headers: as(staff) });
    const first = (list.json() as { items: EventRow[] }).items[0] as EventRow;
    const r = await t.app.inject({ method: 'GET', url: `/api/v1/consultations/${first.id}`, headers: as(staff) });
    expect(r.statusCode).toBe(200);
    const e = (r.json() as { evaluation: { attendees: number; membersPresent: number; suggestions: number | null; adopted: number | null } }).evaluation;
    const s = await t.app.inject({ method: 'GET', url: `/api/v1/consultations/${first.id}/suggestions`, headers: as(staff) });
    const items = (s.json() as { items: { state: string }[] }).items.filter((i) => i.state !== 'merged');
    expect(e.suggestions).toBe(items.length);
    expect(e.attendees).toBeGreaterThanOrEqual(7);
    expect(e.membersPresent).toBeGreaterThanOrEqual(1);
  });
});

import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../server/infra/audit/audit.repository.js';
import { createAccount } from '../../server/modules/accounts/index.js';
import { listArtefacts } from '../../server/modules/consultations/index.js';
import { systemContext } from '../../server/infra/commands.js';
import { insertTestCampaign, insertTestConsultation } from '../support/consultations.js';
import { ENGINES } from '../support/db.js';
import { HOSTILE, HOSTILE_NAME } from '../support/hostile.js';
import { DEMO_PASSWORD, as, login, type Session } from '../support/http.js';
import { createTestApp, type TestApp } from '../support/server.js';

interface Suggestion {
  id: string;
  seq: number;
  overdue: boolean;
  text: string;
  state: string;
  decision: string | null;
  version: number;
  grade: string | null;
  progress: number;
  mergedInto: string | null;
  authors: { accountId: string | null; name: string; isMember: boolean }[];
  appeals: { id: string; trackingNo: string }[];
  units: { unitId: string; name: string; role: string }[];
  replyDueAt: string | null;
  signDueAt: string | null;
  allowedActions: string[];
  history: { action: string; toState: string }[];
  replies: { grade: string; text: string }[];
}

const RESIDENT_PHONE = '13900001234';
const BUS_UNIT = '杭州公交集团第三分公司';

describe.each(ENGINES)('suggestions from an event to their result on %s', (engine) => {
  let t: TestApp;
  let staff: Session, town: Session, town2: Session, station: Session, member: Session, clerk: Session, busClerk: Session, dispatcher: Session, resident: Session;
  let memberId: string;
  let busUnitId: string;
  let cityUnitId: string;
  let eventId: string;
  let campaignId: string;
  let topicId: string;
  const appealIds: string[] = [];
  const trackingNos: string[] = [];
  const s: Suggestion[] = [];

  const post = (who: Session | null, url: string, payload: object) => t.app.inject({ method: 'POST', url: `/api/v1${url}`, headers: as(who), payload });
  const get = (who: Session | null, url: string) => t.app.inject({ method: 'GET', url: `/api/v1${url}`, headers: as(who) });
  const ok = async (p: ReturnType<typeof post>, status = 200): Promise<Suggestion> => {
    const r = await p;
    expect(r.statusCode, r.body).toBe(status);
    return r.json() as Suggestion;
  };

  beforeAll(async () => {
    t = await createTestApp({ engine });
    const db = t.database.handle.db;
    [staff, town, station, member, clerk, dispatcher, resident] = (await Promise.all(['staff', 'town', 'station', 'member', 'clerk', 'dispatcher', 'resident'].map((u) => login(t.app, u)))) as Session[] as [Session, Session, Session, Session, Session, Session, Session];
    memberId = ((await get(member, '/auth/session')).json() as { account: { id: string } }).account.id;
    const stationId = ((await get(station, '/auth/session')).json() as { account: { id: string } }).account.id;
    const venue = await db.selectFrom('venue').select('id').where('head_account_id', '=', stationId).executeTakeFirstOrThrow();

    const unit = await post(staff, '/units', { name: BUS_UNIT, kind: 'non_government' });
    expect(unit.statusCode).toBe(201);
    busUnitId = (unit.json() as { id: string }).id;
    cityUnitId = (await db.selectFrom('role_grant').innerJoin('account', 'account.id', 'role_grant.account_id').select('role_grant.scope_id').where('account.username', '=', 'clerk').executeTakeFirstOrThrow()).scope_id;
    await createAccount(db, systemContext(), { username: 'busclerk', displayName: '公交 钱师傅', password: DEMO_PASSWORD, grants: [{ role: 'unit_clerk', scopeType: 'unit', scopeId: busUnitId }] });
    await createAccount(db, systemContext(), { username: 'town2', displayName: '西溪街道 吴', password: DEMO_PASSWORD, grants: [{ role: 'town_official', scopeType: 'territory', scopeId: '330106004' }] });
    [busClerk, town2] = await Promise.all([login(t.app, 'busclerk'), login(t.app, 'town2')]);

    const cats = (await get(null, '/categories')).json() as { items: { id: string; code: string }[] };
    const categoryId = cats.items.find((c) => c.code === 'traffic.bus')!.id;
    for (const [who, extra] of [
      [dispatcher, { residentPhone: RESIDENT_PHONE, residentName: '孙阿姨' }],
      [member, { channel: 'visit' }],
    ] as const) {
      const r = await post(who, '/appeals', { categoryId, territoryCode: '330106002051', description: '保俶路公交站台顶棚破损，下雨天候车淋雨', ...extra });
      expect(r.statusCode, r.body).toBe(201);
      appealIds.push((r.json() as { id: string }).id);
      trackingNos.push((r.json() as { trackingNo: string }).trackingNo);
    }
    const topic = await post(town, '/topics', { title: '保俶路公交站台顶棚维修', description: '居民反映保俶路公交站台顶棚破损漏雨，建议协商。', source: 'committee', territoryCode: '330106002' });
    topicId = (topic.json() as { id: string }).id;
    campaignId = await insertTestCampaign(db, '公交出行议事月');
    eventId = await insertTestConsultation(db, { title: `保俶路公交站台协商会${HOSTILE.link}`, venueId: venue.id, territoryCode: '330106002', campaignId, topicIds: [topicId] });
  });
  afterAll(async () => t?.close());

  it('the event’s managers add suggestions with authors and linked appeals; others may not', async () => {
    s.push(
      await ok(
        post(town, `/consultations/${eventId}/suggestions`, {
          text: `保俶路站台加装雨棚${HOSTILE.script}${HOSTILE.img}`,
          authors: [{ accountId: memberId }, { name: HOSTILE_NAME }],
          appealIds: [appealIds[0]],
        }),
        201,
      ),
    );
    s.push(await ok(post(station, `/consultations/${eventId}/suggestions`, { text: '=HYPERLINK("http://spam.example","增开夜班车")', authors: [{ name: '居民 周' }] }), 201));
    s.push(await ok(post(staff, `/consultations/${eventId}/suggestions`, { text: '把站台搬到小区门口', authors: [{ name: '居民 郑' }] }), 201));
    s.push(await ok(post(town, `/consultations/${eventId}/suggestions`, { text: '站台顶棚漏雨要修', authors: [{ name: '李四' }], appealIds: [appealIds[1]] }), 201));
    expect(s.map((x) => x.seq)).toEqual([1, 2, 3, 4]);
    expect(s[0]!.text).toBe(`保俶路站台加装雨棚${HOSTILE.script}${HOSTILE.img}`);
    expect(s[0]!.authors).toEqual([
      { accountId: memberId, name: '委员 刘芳', isMember: true },
      { accountId: null, name: HOSTILE_NAME, isMember: false },
    ]);
    expect(s[0]!.appeals).toEqual([{ id: appealIds[0], trackingNo: trackingNos[0] }]);

    // Two people adding to one event at once both succeed, with different numbers.
    const other = await insertTestConsultation(t.database.handle.db, { title: '并发测试', territoryCode: '330106002' });
    const both = await Promise.all([0, 1, 2].map((i) => post(town, `/consultations/${other}/suggestions`, { text: `同时提出的意见 ${i}`, authors: [] })));
    expect(both.map((r) => r.statusCode)).toEqual([201, 201, 201]);
    expect(both.map((r) => (r.json() as Suggestion).seq).sort()).toEqual([1, 2, 3]);

    expect((await post(town2, `/consultations/${eventId}/suggestions`, { text: '别处的意见', authors: [] })).statusCode).toBe(403);
    expect((await get(town2, `/consultations/${eventId}/suggestions`)).statusCode).toBe(403);
    expect((await post(clerk, `/consultations/${eventId}/suggestions`, { text: '单位不能加', authors: [] })).statusCode).toBe(403);
    expect((await get(resident, `/suggestions/${s[0]!.id}`)).statusCode).toBe(404);
  });

  it('merges a duplicate: the survivor gains its authors and appeals, the duplicate keeps its history', async () => {
    const merged = await ok(post(town, `/suggestions/${s[3]!.id}/merge`, { version: s[3]!.version, intoId: s[0]!.id }));
    expect(merged.state).toBe('merged');
    expect(merged.mergedInto).toBe(s[0]!.id);
    expect(merged.history.map((h) => h.action)).toEqual(['propose', 'merge']);
    const survivor = (await get(town, `/suggestions/${s[0]!.id}`)).json() as Suggestion;
    expect(survivor.authors.map((a) => a.name)).toEqual(['委员 刘芳', HOSTILE_NAME, '李四']);
    expect(survivor.appeals.map((a) => a.id).sort()).toEqual([...appealIds].sort());
    expect(survivor.history.map((h) => h.action)).toEqual(['propose', 'absorb']);
    s[0] = survivor;
  });

  it('decides each suggestion; not adopted needs a reason; the proposers and residents hear of it', async () => {
    const refused = await post(town, `/suggestions/${s[2]!.id}/decision`, { version: s[2]!.version, decision: 'not_adopted' });
    expect(refused.statusCode).toBe(400);
    expect((refused.json() as { code: string }).code).toBe('VALIDATION_FAILED');
    s[2] = await ok(post(town, `/suggestions/${s[2]!.id}/decision`, { version: s[2]!.version, decision: 'not_adopted', reason: '站台位置由规划确定，不宜搬迁' }));
    s[0] = await ok(post(town, `/suggestions/${s[0]!.id}/decision`, { version: s[0]!.version, decision: 'adopted' }));
    s[1] = await ok(post(station, `/suggestions/${s[1]!.id}/decision`, { version: s[1]!.version, decision: 'partly_adopted' }));
    expect(s.slice(0, 3).map((x) => x.decision)).toEqual(['adopted', 'partly_adopted', 'not_adopted']);
    // A stale version changes nothing.
    expect((await post(town, `/suggestions/${s[0]!.id}/decision`, { version: 1, decision: 'reference' })).statusCode).toBe(409);

    const outbox = await t.database.handle.db.selectFrom('outbox').selectAll().where('template', '=', 'suggestion.decided').execute();
    expect(outbox.map((m) => m.recipient)).toEqual([RESIDENT_PHONE]);
    expect(JSON.parse(outbox[0]!.payload)).toMatchObject({ trackingNo: trackingNos[0], decision: 'adopted', path: `/suggestions/${s[0]!.id}` });
    const inbox = (await get(member, '/inbox')).json() as { items: { kind: string; resourceId: string }[] };
    expect(inbox.items.some((n) => n.kind === 'suggestion.decided' && n.resourceId === s[0]!.id)).toBe(true);
  });

  it('issues the suggestion list as an artefact on the event; the items become public', async () => {
    expect((await get(null, `/public/suggestions/${s[0]!.id}`)).statusCode).toBe(404);
    const r = await post(town, `/consultations/${eventId}/suggestion-list`, {});
    expect(r.statusCode, r.body).toBe(201);
    const artefacts = await listArtefacts(t.database.handle.db, eventId);
    expect(artefacts.map((a) => a.kind)).toEqual(['suggestion_list']);
    expect((JSON.parse(artefacts[0]!.body) as { items: unknown[] }).items).toHaveLength(3);
    expect((await get(null, `/public/suggestions/${s[0]!.id}`)).statusCode).toBe(200);
    expect((await get(null, `/public/suggestions/${s[3]!.id}`)).statusCode).toBe(404);
  });

  it('assigns adopted suggestions to units with working-day deadlines; the unit objects or signs; the district reassigns', async () => {
    expect((await post(town, `/suggestions/${s[0]!.id}/assignment`, { version: s[0]!.version, leadUnitId: busUnitId, deadlineDays: 5 })).statusCode).toBe(403);
    expect((await post(staff, `/suggestions/${s[2]!.id}/assignment`, { version: s[2]!.version, leadUnitId: busUnitId, deadlineDays: 5 })).statusCode).toBe(409);
    const queue = (await get(staff, '/suggestions/queue?kind=to_assign')).json() as { items: { id: string }[] };
    expect(queue.items.map((i) => i.id).sort()).toEqual([s[0]!.id, s[1]!.id].sort());

    s[0] = await ok(post(staff, `/suggestions/${s[0]!.id}/assignment`, { version: s[0]!.version, leadUnitId: busUnitId, assistingUnitIds: [cityUnitId], deadlineDays: 5 }));
    expect(s[0]!.state).toBe('assigned');
    expect(s[0]!.units.map((u) => [u.name, u.role])).toEqual([[BUS_UNIT, 'lead'], [expect.any(String), 'assisting']]);
    expect(Date.parse(s[0]!.replyDueAt!)).toBeGreaterThan(Date.now() + 24 * 3600_000);

    s[1] = await ok(post(staff, `/suggestions/${s[1]!.id}/assignment`, { version: s[1]!.version, leadUnitId: cityUnitId, deadlineDays: 10 }));
    // The assisting unit may read but not answer for the lead.
    expect((await get(clerk, `/suggestions/${s[0]!.id}`)).statusCode).toBe(200);
    expect((await post(clerk, `/suggestions/${s[0]!.id}/response`, { version: s[0]!.version, response: 'sign' })).statusCode).toBe(403);
    expect((await post(clerk, `/suggestions/${s[1]!.id}/response`, { version: s[1]!.version, response: 'object' })).statusCode).toBe(400);
    s[1] = await ok(post(clerk, `/suggestions/${s[1]!.id}/response`, { version: s[1]!.version, response: 'object', reason: '夜班车由公交集团负责，不属于城管职责' }));
    expect(s[1]!.state).toBe('objected');
    expect(((await get(staff, '/suggestions/queue?kind=objections')).json() as { items: { id: string }[] }).items.map((i) => i.id)).toEqual([s[1]!.id]);
    s[1] = await ok(post(staff, `/suggestions/${s[1]!.id}/objection-decision`, { version: s[1]!.version, outcome: 'reassign', assignment: { leadUnitId: busUnitId, deadlineDays: 10 } }));
    expect(s[1]!.units.map((u) => u.name)).toEqual([BUS_UNIT]);

    const assigned = (await get(busClerk, '/suggestions/assigned')).json() as { items: { id: string }[] };
    expect(assigned.items.map((i) => i.id).sort()).toEqual([s[0]!.id, s[1]!.id].sort());
    for (const i of [0, 1]) {
      s[i] = await ok(post(busClerk, `/suggestions/${s[i]!.id}/response`, { version: s[i]!.version, response: 'sign' }));
      expect(s[i]!.state).toBe('signed');
      expect(s[i]!.allowedActions).toEqual(['reply', 'progress']);
    }
  });

  it('replies A and B; B stays open with progress and is answered A later; the resident is told', async () => {
    s[0] = await ok(post(busClerk, `/suggestions/${s[0]!.id}/replies`, { version: s[0]!.version, grade: 'A', text: `已加装雨棚${HOSTILE.placeholder}`, evidence: '11月20日完工验收' }));
    expect([s[0]!.state, s[0]!.grade, s[0]!.progress]).toEqual(['closed', 'A', 100]);
    s[1] = await ok(post(busClerk, `/suggestions/${s[1]!.id}/replies`, { version: s[1]!.version, grade: 'B', text: '夜班线路已纳入明年计划' }));
    expect(s[1]!.state).toBe('replied');
    s[1] = await ok(post(busClerk, `/suggestions/${s[1]!.id}/progress`, { version: s[1]!.version, percent: 60, milestone: '线路方案通过审批', onDate: '2026-12-01' }));
    expect(s[1]!.progress).toBe(60);
    expect((await post(busClerk, `/suggestions/${s[1]!.id}/progress`, { version: s[1]!.version, percent: 101, milestone: 'x', onDate: '2026-12-01' })).statusCode).toBe(400);
    s[1] = await ok(post(busClerk, `/suggestions/${s[1]!.id}/replies`, { version: s[1]!.version, grade: 'A', text: '夜班车已开通' }));
    expect([s[1]!.state, s[1]!.replies.map((r) => r.grade)]).toEqual(['closed', ['B', 'A']]);

    const sms = await t.database.handle.db.selectFrom('outbox').selectAll().where('template', '=', 'suggestion.replied').execute();
    expect(sms.map((m) => [m.recipient, JSON.parse(m.payload).grade])).toEqual([[RESIDENT_PHONE, 'A']]);
  });

  it('an unsatisfied rating from a proposer reopens the item for the unit', async () => {
    expect((await post(resident, `/suggestions/${s[0]!.id}/feedback`, { version: s[0]!.version, replyRating: 'satisfied', resultRating: 'satisfied' })).statusCode).toBe(404);
    s[0] = await ok(post(member, `/suggestions/${s[0]!.id}/feedback`, { version: s[0]!.version, replyRating: 'basically_satisfied', resultRating: 'unsatisfied', comment: '雨棚太短，仍然淋雨' }));
    expect(s[0]!.state).toBe('reopened');
    expect(Date.parse(s[0]!.replyDueAt!)).toBeGreaterThan(Date.now() + 24 * 3600_000);
    expect(s[0]!.overdue).toBe(false);
    const inbox = (await get(busClerk, '/inbox')).json() as { items: { kind: string; resourceId: string }[] };
    expect(inbox.items.some((n) => n.kind === 'suggestion.reopened' && n.resourceId === s[0]!.id)).toBe(true);
    expect(((await get(busClerk, `/suggestions/${s[0]!.id}`)).json() as Suggestion).allowedActions).toEqual(['reply', 'progress']);
    const mine = (await get(member, '/suggestions/mine')).json() as { items: { id: string }[] };
    expect(mine.items.map((i) => i.id)).toContain(s[0]!.id);

    // The resident whose account carries the linked appeal's phone sees it and rates it too.
    await t.database.handle.db.updateTable('account').set({ phone: RESIDENT_PHONE }).where('username', '=', 'resident').execute();
    expect(((await get(resident, '/suggestions/mine')).json() as { items: { id: string }[] }).items.map((i) => i.id)).toEqual([s[0]!.id]);
    expect(((await get(resident, `/suggestions/${s[0]!.id}`)).json() as Suggestion).allowedActions).toEqual([]);
    expect((await post(resident, `/suggestions/${s[0]!.id}/feedback`, { version: s[0]!.version, replyRating: 'satisfied', resultRating: 'satisfied' })).statusCode).toBe(409);
    // Re-handled and answered A again, the resident is satisfied; it stays closed.
    s[0] = await ok(post(busClerk, `/suggestions/${s[0]!.id}/replies`, { version: s[0]!.version, grade: 'A', text: '雨棚已加长两米' }));
    expect(s[0]!.state).toBe('closed');
    s[0] = await ok(post(resident, `/suggestions/${s[0]!.id}/feedback`, { version: s[0]!.version, replyRating: 'satisfied', resultRating: 'satisfied' }));
    expect(s[0]!.state).toBe('closed');
  });

  it('publishes the journey without personal data, and rolls up to event, topic and campaign', async () => {
    const r = await get(null, `/public/suggestions/${s[0]!.id}`);
    expect(r.statusCode).toBe(200);
    const body = r.json() as { text: string; members: string[]; otherAuthors: number; appealCount: number; units: { name: string }[]; journey: { step: string }[]; feedback: { result: Record<string, number> } };
    expect(body.text).toBe(`保俶路站台加装雨棚${HOSTILE.script}${HOSTILE.img}`);
    expect(body.members).toEqual(['委员 刘芳']);
    expect(body.otherAuthors).toBe(2);
    expect(body.appealCount).toBe(2);
    expect(body.units.map((u) => u.name)).toContain(BUS_UNIT);
    expect(body.journey.map((j) => j.step)).toEqual(['propose', 'absorb', 'decide', 'assign', 'sign', 'reply', 'feedback', 'reply', 'feedback']);
    expect(body.feedback.result).toEqual({ satisfied: 1, basically_satisfied: 0, unsatisfied: 1 });
    for (const secret of [RESIDENT_PHONE, '孙阿姨', '居民 孙阿姨', HOSTILE_NAME, '李四', trackingNos[0]!, '雨棚太短', '周伟', '钱师傅', '王敏']) expect(r.body).not.toContain(secret);

    const list = (await get(null, `/public/consultations/${eventId}/suggestions`)).json() as { items: { id: string }[]; rollup: Record<string, number | null> };
    expect(list.items.map((i) => i.id)).toEqual([s[0]!.id, s[1]!.id, s[2]!.id]);
    const expected = { suggestions: 3, decided: 3, adopted: 2, adoptionRate: 0.667, assigned: 2, replied: 2, implemented: 2, implementationRate: 1, averageProgress: 100, ratings: 2, satisfaction: 0.5 };
    expect(list.rollup).toEqual(expected);
    expect((await get(null, `/public/topics/${topicId}/suggestion-rollup`)).json()).toEqual({ events: 1, rollup: expected });
    expect((await get(null, `/public/campaigns/${campaignId}/suggestion-rollup`)).json()).toEqual({ events: 1, rollup: expected });
  });

  it('exports the list and the assignment sheet as XLSX and CSV, text verbatim and formulas neutralised', async () => {
    const xlsx = await get(town, `/consultations/${eventId}/suggestions/export?sheet=list&format=xlsx`);
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    expect(xlsx.headers['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent(`保俶路公交站台协商会${HOSTILE.link}-意见清单.xlsx`)}`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.getCell('A1').value).toBe(`保俶路公交站台协商会${HOSTILE.link} 意见清单`);
    expect(ws.getCell('H1').isMerged).toBe(true);
    expect(ws.getRow(2).values).toEqual([undefined, '序号', '意见建议', '提出人', '关联诉求', '研究结果', '理由', '状态', '合并至']);
    expect(ws.getCell('B3').value).toBe(`保俶路站台加装雨棚${HOSTILE.script}${HOSTILE.img}`);
    expect(ws.getCell('C3').value).toBe(`委员 刘芳、${HOSTILE_NAME}、李四`);
    expect(ws.getCell('B4').value).toBe(`'=HYPERLINK("http://spam.example","增开夜班车")`);
    expect(ws.getCell('H6').value).toBe('1');

    const csv = await get(staff, `/consultations/${eventId}/suggestions/export?sheet=assignment&format=csv`);
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.headers['content-disposition']).toMatch(/^attachment; filename="assignment-sheet.csv"; filename\*=UTF-8''/);
    const text = csv.rawPayload.toString('utf8');
    expect(text.startsWith('\uFEFF序号,意见建议,研究结果,主办单位,协办单位')).toBe(true);
    const lines = text.slice(1).trim().split('\r\n');
    expect(lines).toHaveLength(3);
    expect(lines[2]).toContain(`"'=HYPERLINK(""http://spam.example"",""增开夜班车"")"`);
    expect(lines[2]).toContain(`${BUS_UNIT},,10,`);
    expect((await get(busClerk, `/consultations/${eventId}/suggestions/export`)).statusCode).toBe(403);
  });

  it('every step is on the audit chain', async () => {
    const v = await verifyAuditChain(t.database.handle.db);
    expect(v.ok).toBe(true);
    const actions = (await t.database.handle.db.selectFrom('audit_event').select('action').where('resource_type', '=', 'suggestion').execute()).map((a) => a.action);
    for (const a of ['suggestion.add', 'suggestion.merge', 'suggestion.decide', 'suggestion.assign', 'suggestion.object', 'suggestion.reassign', 'suggestion.sign', 'suggestion.reply', 'suggestion.progress', 'suggestion.feedback'])
      expect(actions).toContain(a);
  });
});

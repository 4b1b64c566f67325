import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../server/infra/audit/audit.repository.js';
import { registerSuggestionCounts } from '../../server/modules/consultations/index.js';
import { suggestionCountsOfEvent } from '../../server/modules/suggestions/index.js';
import { ENGINES } from '../support/db.js';
import { HOSTILE } from '../support/hostile.js';
import { as, login, type Session } from '../support/http.js';
import { createTestApp, type TestApp } from '../support/server.js';

interface Step {
  key: string;
  label: string;
  requires: string[];
}
interface Summary {
  id: string;
  title: string;
  venueId: string | null;
  venueName: string | null;
  state: string;
  stepIndex: number;
  missing: string[];
  attendees: number;
  version: number;
}
interface Detail extends Summary {
  steps: Step[];
  artefacts: { kind: string; title: string; body: string | null; items: { kind: string; title: string; speaker: string | null }[] | null; invitees: { kind: string; name: string }[] | null }[];
  presentKinds: string[];
  attendance: { name: string; roleKind: string; phone: string | null; speaker: boolean; via: string }[];
  evaluation: Record<string, number | null>;
  allowedActions: string[];
  signInToken: string | null;
  topics: { id: string; title: string }[];
  may: { manage: boolean };
}
interface Template {
  id: string;
  name: string;
  steps: Step[];
  version: number;
}

const STEPS: Step[] = [
  { key: 'prepare', label: '会前准备', requires: ['announcement', 'agenda'] },
  { key: 'consult', label: '协商议事', requires: ['sign_in_list', 'minutes'] },
  { key: 'showcase', label: '成果展示', requires: [] },
];

describe.each(ENGINES)('consultation events over HTTP on %s', (engine) => {
  let t: TestApp;
  let staff: Session;
  let town: Session;
  let station: Session;
  let member: Session;
  let topicId: string;
  let draftTopicId: string;
  let stationVenueId: string;
  let otherVenueId: string;
  let template: Template;

  type Method = 'GET' | 'POST' | 'PATCH';
  const api = (s: Session | null, method: Method, url: string, payload?: unknown, lang?: 'en') =>
    t.app.inject({ method, url: `/api/v1${url}`, headers: as(s, lang), ...(payload === undefined ? {} : { payload: payload as object }) });
  const newEvent = async (who: Session, over: Record<string, unknown> = {}) => {
    const res = await api(who, 'POST', '/consultations', { title: '老旧小区加装电梯协商', mode: 'on_site', venueId: stationVenueId, templateId: template.id, topicIds: [topicId], startsAt: '2026-12-10T06:30:00Z', ...over });
    return res;
  };
  const created = async (who: Session, over: Record<string, unknown> = {}) => {
    const res = await newEvent(who, over);
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as Detail;
  };
  const advance = (who: Session, e: { id: string; version: number }, lang?: 'en') => api(who, 'POST', `/consultations/${e.id}/actions`, { action: 'advance', version: e.version }, lang);

  beforeAll(async () => {
    t = await createTestApp({ engine });
    [staff, town, station, member] = (await Promise.all(['staff', 'town', 'station', 'member'].map((u) => login(t.app, u)))) as [Session, Session, Session, Session];
    const topic = (await api(staff, 'POST', '/topics', { title: '老旧小区加装电梯', description: '多个小区居民反映加装电梯推进慢，费用分摊难以达成一致。', source: 'committee' })).json() as { id: string; version: number };
    const submitted = (await api(staff, 'POST', `/topics/${topic.id}/actions`, { action: 'submit', version: topic.version })).json() as { version: number };
    expect((await api(staff, 'POST', `/topics/${topic.id}/actions`, { action: 'approve', version: submitted.version })).statusCode).toBe(200);
    topicId = topic.id;
    draftTopicId = ((await api(member, 'POST', '/topics', { title: '公园厕所不够用', description: '周末游客多，公园厕所排长队，需要增加。', source: 'member' })).json() as { id: string }).id;
    const mine = (await api(station, 'GET', '/consultations?mine=true')).json() as { items: Summary[] };
    stationVenueId = mine.items[0]!.venueId as string;
    const venues = (await api(staff, 'GET', '/venues?kind=station&limit=50')).json() as { items: { id: string; territoryCode: string }[] };
    otherVenueId = venues.items.find((v) => v.territoryCode.startsWith('330106008'))!.id;
    const res = await api(staff, 'POST', '/procedure-templates', { name: '驿站微协商', description: '三步', steps: STEPS });
    expect(res.statusCode, res.body).toBe(201);
    template = res.json() as Template;
  });
  afterAll(async () => t?.close());

  it('a fresh install has the default ten-step procedure; the demo has events at the station head’s station', async () => {
    const templates = ((await api(station, 'GET', '/procedure-templates')).json() as { items: Template[] }).items;
    const standard = templates.find((x) => x.name === '基层协商标准规程')!;
    expect(standard.steps.map((s) => s.key)).toEqual(['collect', 'propose', 'review', 'research', 'consult', 'suggestions', 'assign', 'implement', 'feedback', 'showcase']);
    expect(standard.steps.find((s) => s.key === 'consult')!.requires).toContain('minutes');
    const mine = (await api(station, 'GET', '/consultations?mine=true')).json() as { items: Summary[] };
    expect(mine.items.length).toBeGreaterThanOrEqual(2);
    // The first step of the standard procedure requires nothing; the list says what is missing per event.
    expect(mine.items.every((e) => Array.isArray(e.missing))).toBe(true);
  });

  it('advancing is refused while the step’s documents are missing, and allowed once they are added', async () => {
    let e = await created(station);
    expect(e).toMatchObject({ state: 'planned', stepIndex: 0, missing: ['announcement', 'agenda'], allowedActions: ['advance', 'cancel'] });
    expect(e.steps).toEqual(STEPS);

    const refused = await advance(station, e);
    expect(refused.statusCode).toBe(409);
    expect(refused.headers['content-type']).toContain('application/problem+json');
    expect(refused.json()).toMatchObject({ code: 'ARTEFACTS_MISSING', missing: ['announcement', 'agenda'] });
    expect((refused.json() as { detail: string }).detail).toBe('“会前准备”步骤缺少：活动公告、议程');
    expect((await advance(station, e, 'en')).json()).toMatchObject({ detail: 'The step "会前准备" still lacks: announcement, agenda' });

    const agenda = await api(station, 'POST', `/consultations/${e.id}/artefacts`, {
      kind: 'agenda',
      title: '议程',
      items: [
        { kind: 'briefing', title: '社区通报', speaker: '社区书记' },
        { kind: 'questions', title: '居民提问' },
        { kind: 'answers', title: '部门答复', speaker: '住建局' },
        { kind: 'speech', title: '委员发言', speaker: '委员 刘芳' },
      ],
    });
    expect(agenda.statusCode, agenda.body).toBe(201);
    expect((agenda.json() as Detail).missing).toEqual(['announcement']);
    expect((await advance(station, agenda.json() as Detail)).json()).toMatchObject({ code: 'ARTEFACTS_MISSING', missing: ['announcement'] });
    e = (await api(station, 'POST', `/consultations/${e.id}/artefacts`, { kind: 'announcement', title: '公告', body: '12 月 10 日下午协商加装电梯。' })).json() as Detail;
    expect(e.missing).toEqual([]);

    const moved = await advance(station, e);
    expect(moved.statusCode, moved.body).toBe(200);
    e = moved.json() as Detail;
    expect(e).toMatchObject({ state: 'in_progress', stepIndex: 1, missing: ['sign_in_list', 'minutes'] });

    // The sign-in list is the attendance: one QR sign-in supplies it.
    const signIn = await api(null, 'POST', `/public/consultations/${e.id}/sign-in`, { token: e.signInToken, name: '居民 钱阿姨', phone: '13812345678' });
    expect(signIn.statusCode, signIn.body).toBe(201);
    expect(signIn.json()).toEqual({ name: '居民 钱阿姨', alreadySignedIn: false });
    e = (await api(station, 'POST', `/consultations/${e.id}/artefacts`, { kind: 'minutes', title: '会议纪要', body: '居民同意按楼层分摊费用。' })).json() as Detail;
    expect(e.missing).toEqual([]);
    const stale = e.version;
    e = (await advance(station, e)).json() as Detail;
    expect(e).toMatchObject({ state: 'in_progress', stepIndex: 2 });
    // A stale version (a second click from an old page) changes nothing.
    expect((await advance(station, { id: e.id, version: stale })).json()).toMatchObject({ code: 'VERSION_CONFLICT' });
    e = (await advance(station, e)).json() as Detail;
    expect(e).toMatchObject({ state: 'completed', allowedActions: [], signInToken: null });
    expect((await advance(station, e)).json()).toMatchObject({ code: 'ACTION_NOT_ALLOWED' });
    expect(e.evaluation).toMatchObject({ attendees: 1, residents: 1, membersPresent: 0, artefactsRequired: 4, artefactsPresent: 4, suggestions: 0, adoptionRate: null });
  });

  it('QR sign-in: a wrong token is not found, a phone signs in once, an account signs in as itself; phones are masked and only for organisers', async () => {
    const e = await created(staff);
    const url = `/public/consultations/${e.id}/sign-in`;
    expect((await api(null, 'POST', url, { token: 'x'.repeat(32), name: '某人', phone: '13900001111' })).statusCode).toBe(404);
    expect((await api(null, 'POST', url, { token: e.signInToken, name: '某人' })).json()).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect((await api(null, 'POST', url, { token: e.signInToken, name: '居民 周先生', phone: '13900001111' })).statusCode).toBe(201);
    expect((await api(null, 'POST', url, { token: e.signInToken, name: '另一个名字', phone: '13900001111' })).json()).toEqual({ name: '居民 周先生', alreadySignedIn: true });
    expect((await api(member, 'POST', url, { token: e.signInToken })).json()).toEqual({ name: '委员 刘芳', alreadySignedIn: false });
    const staffAdd = await api(staff, 'POST', `/consultations/${e.id}/attendees`, { roleKind: 'leader', name: '副区长 吴某', speaker: true });
    expect(staffAdd.statusCode, staffAdd.body).toBe(201);
    const detail = (await api(staff, 'GET', `/consultations/${e.id}`)).json() as Detail;
    expect(detail.attendance.map((a) => [a.name, a.roleKind, a.via, a.phone])).toEqual([
      ['居民 周先生', 'resident', 'qr', '139****1111'],
      ['委员 刘芳', 'member', 'qr', null],
      ['副区长 吴某', 'leader', 'staff', null],
    ]);
    expect(detail.evaluation).toMatchObject({ attendees: 3, residents: 1, membersPresent: 1, leadersPresent: 1, speakers: 1 });
    const asMember = await api(member, 'GET', `/consultations/${e.id}`);
    expect(asMember.body).not.toContain('1111');
    expect(asMember.json()).toMatchObject({ signInToken: null, may: { manage: false }, allowedActions: [] });
    const audit = await t.database.handle.db.selectFrom('audit_event').select(['after_json']).where('resource_id', '=', e.id).execute();
    expect(JSON.stringify(audit)).not.toContain('13900001111');
  });

  it('who runs which event: a station head at their station, a town official in its town, staff everywhere; filed topics only', async () => {
    expect((await newEvent(station, { venueId: otherVenueId })).statusCode).toBe(403);
    expect((await newEvent(town, { venueId: otherVenueId })).statusCode).toBe(403);
    expect((await newEvent(town)).statusCode).toBe(201);
    expect((await newEvent(staff, { venueId: otherVenueId })).statusCode).toBe(201);
    expect((await newEvent(member)).statusCode).toBe(403);
    const draft = await newEvent(staff, { topicIds: [draftTopicId] });
    expect(draft.json()).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ field: 'topicIds' }] });
    expect((await newEvent(staff, { mode: 'on_site', venueId: null })).json()).toMatchObject({ errors: [{ field: 'venueId' }] });
    expect((await newEvent(staff, { mode: 'online', venueId: null, territoryCode: '330106002' })).statusCode).toBe(201);
    const other = await created(staff, { venueId: otherVenueId });
    expect((await api(station, 'POST', `/consultations/${other.id}/artefacts`, { kind: 'minutes', title: '纪要', body: '内容' })).statusCode).toBe(403);
    expect((await advance(station, other)).statusCode).toBe(403);
    // Nobody adds a sign-in list or a suggestion list by hand.
    expect((await api(staff, 'POST', `/consultations/${other.id}/artefacts`, { kind: 'suggestion_list', title: '清单', body: 'x' })).statusCode).toBe(400);
    const filtered = (await api(staff, 'GET', `/consultations?venueId=${otherVenueId}&state=planned`)).json() as { items: Summary[] };
    expect(filtered.items.length).toBeGreaterThanOrEqual(2);
    expect(filtered.items.every((x) => x.venueId === otherVenueId && x.state === 'planned')).toBe(true);
    const mine = (await api(station, 'GET', '/consultations?mine=true&limit=200')).json() as { items: Summary[] };
    expect(mine.items.every((x) => x.venueId === stationVenueId)).toBe(true);
  });

  it('keeps hostile text verbatim in documents, invitations and the public page', async () => {
    const e = await created(station, { title: `电梯${HOSTILE.script}`, summary: HOSTILE.link });
    const units = (await api(staff, 'GET', '/units')).json() as { items: { id: string; name: string }[] };
    const members = (await api(staff, 'GET', '/members')).json() as { items: { accountId: string; name: string }[] };
    const inv = await api(station, 'POST', `/consultations/${e.id}/artefacts`, {
      kind: 'invitations',
      title: '邀请名单',
      invitees: [
        { kind: 'member', accountId: members.items[0]!.accountId },
        { kind: 'resident', name: HOSTILE.img },
        { kind: 'sector_representative', name: '界别代表 张某', affiliation: '经济界' },
        { kind: 'unit_representative', unitId: units.items[0]!.id },
      ],
    });
    expect(inv.statusCode, inv.body).toBe(201);
    expect((inv.json() as Detail).artefacts[0]!.invitees!.map((i) => i.name)).toEqual([members.items[0]!.name, HOSTILE.img, '界别代表 张某', units.items[0]!.name]);
    expect((await api(station, 'POST', `/consultations/${e.id}/artefacts`, { kind: 'invitations', title: 'x', invitees: [{ kind: 'member' }] })).statusCode).toBe(400);
    // Not public until announced, except to whoever holds the QR token.
    expect((await api(null, 'GET', `/public/consultations/${e.id}`)).statusCode).toBe(404);
    expect((await api(null, 'GET', `/public/consultations/${e.id}?t=${e.signInToken}`)).statusCode).toBe(200);
    await api(station, 'POST', `/consultations/${e.id}/artefacts`, { kind: 'agenda', title: '议程', items: [{ kind: 'speech', title: HOSTILE.placeholder, speaker: HOSTILE.extB }] });
    await api(station, 'POST', `/consultations/${e.id}/artefacts`, { kind: 'announcement', title: HOSTILE.link, body: HOSTILE.script });
    const pub = await api(null, 'GET', `/public/consultations/${e.id}`);
    expect(pub.statusCode).toBe(200);
    expect(pub.json()).toMatchObject({
      title: `电梯${HOSTILE.script}`,
      summary: HOSTILE.link,
      venueName: '上保社区协商驿站',
      announcement: { title: HOSTILE.link, body: HOSTILE.script },
      agenda: [{ kind: 'speech', title: HOSTILE.placeholder, speaker: HOSTILE.extB }],
      signInOpen: true,
    });
    expect(pub.body).not.toContain('signInToken');
    expect(pub.body).not.toContain(e.signInToken!);
  });

  it('campaigns and templates: edits with compare-and-set; planned events keep the steps they copied', async () => {
    const c = await api(staff, 'POST', '/campaigns', { title: '停车难协商议事月', theme: '停车', startsOn: '2027-01-01', endsOn: '2027-01-31', targetEvents: 5 });
    expect(c.statusCode, c.body).toBe(201);
    const campaign = c.json() as { id: string; version: number; events: number };
    expect((await api(staff, 'POST', '/campaigns', { title: '倒序', theme: 'x', startsOn: '2027-02-01', endsOn: '2027-01-01' })).statusCode).toBe(400);
    expect((await api(station, 'POST', '/campaigns', { title: '站长', theme: 'x', startsOn: '2027-01-01', endsOn: '2027-01-02' })).statusCode).toBe(403);
    const e = await created(station, { campaignId: campaign.id });
    expect(((await api(staff, 'GET', `/campaigns/${campaign.id}`)).json() as { events: number }).events).toBe(1);
    expect(((await api(staff, 'GET', `/consultations?campaignId=${campaign.id}`)).json() as { items: Summary[] }).items.map((x) => x.id)).toEqual([e.id]);
    const edited = await api(staff, 'PATCH', `/campaigns/${campaign.id}`, { version: campaign.version, title: '停车难协商议事月（一月）' });
    expect(edited.statusCode).toBe(200);
    expect((await api(staff, 'PATCH', `/campaigns/${campaign.id}`, { version: campaign.version, title: '旧版本' })).json()).toMatchObject({ code: 'VERSION_CONFLICT' });

    const steps = [...STEPS, { key: 'feedback', label: '反馈', requires: [] }];
    const t2 = await api(staff, 'PATCH', `/procedure-templates/${template.id}`, { version: template.version, steps });
    expect(t2.statusCode, t2.body).toBe(200);
    expect((await api(staff, 'PATCH', `/procedure-templates/${template.id}`, { version: template.version, name: '旧版本的名称' })).json()).toMatchObject({ code: 'VERSION_CONFLICT' });
    expect((await api(staff, 'PATCH', `/procedure-templates/${template.id}`, { version: (t2.json() as Template).version, steps: [STEPS[0], STEPS[0]] })).statusCode).toBe(400);
    expect((await api(station, 'PATCH', `/procedure-templates/${template.id}`, { version: 1, name: '站长改名' })).statusCode).toBe(403);
    expect(((await api(staff, 'GET', `/consultations/${e.id}`)).json() as Detail).steps).toHaveLength(3);
    expect((await created(station)).steps).toHaveLength(4);
  });

  it('the evaluation counts suggestions through the module registered for it, and reports them unknown without one', async () => {
    const e = await created(station);
    // The suggestions module registers itself when the app starts: no suggestions yet, no rates.
    expect(e.evaluation).toMatchObject({ suggestions: 0, adopted: 0, adoptionRate: null });
    registerSuggestionCounts(async (_db, id) => (id === e.id ? { total: 4, adopted: 3, implemented: 1, satisfied: 1, rated: 1 } : undefined));
    try {
      const ev = ((await api(staff, 'GET', `/consultations/${e.id}`)).json() as Detail).evaluation;
      expect(ev).toMatchObject({ suggestions: 4, adopted: 3, adoptionRate: 0.75, implementationRate: 0.333, satisfactionRate: 1 });
      registerSuggestionCounts(undefined);
      const unknown = ((await api(staff, 'GET', `/consultations/${e.id}`)).json() as Detail).evaluation;
      expect(unknown).toMatchObject({ suggestions: null, adoptionRate: null });
    } finally {
      registerSuggestionCounts(suggestionCountsOfEvent);
    }
  });

  it('cancelling needs a reason and closes sign-in; every change is on an intact audit chain', async () => {
    const e = await created(station);
    expect((await api(station, 'POST', `/consultations/${e.id}/actions`, { action: 'cancel', version: e.version })).json()).toMatchObject({ code: 'VALIDATION_FAILED' });
    const done = await api(station, 'POST', `/consultations/${e.id}/actions`, { action: 'cancel', version: e.version, comment: '场地临时占用' });
    expect(done.json()).toMatchObject({ state: 'cancelled', signInToken: null });
    expect((await api(null, 'POST', `/public/consultations/${e.id}/sign-in`, { token: e.signInToken, name: '某人', phone: '13700000000' })).statusCode).toBe(404);
    expect((await verifyAuditChain(t.database.handle.db)).ok).toBe(true);
  });
});

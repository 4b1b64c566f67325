import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../server/infra/db/database.js';
import { AppealSearchIndexer, uuidFloor } from '../../server/modules/appeals/appeal-search.js';
import { ENGINES } from '../support/db.js';
import { HOSTILE } from '../support/hostile.js';
import { as, login, type Session } from '../support/http.js';
import { createTestApp, type TestApp } from '../support/server.js';

interface Summary {
  id: string;
  trackingNo: string;
  description: string;
  territoryCode: string;
  version: number;
  residentPhone: string | null;
}
interface List {
  items: Summary[];
  page: { limit: number; offset: number; total: number };
}

const silent = { error() {}, debug() {} };

describe.each(ENGINES)('dispatcher search over the appeal index on %s', (engine) => {
  let t: TestApp;
  let dispatcher: Session;
  let clerk: Session;
  let town: Session;
  const cat: Record<string, string> = {};
  let clerkUnitId: string;
  let otherUnitId: string;
  const made: Record<string, Summary> = {};

  const file = async (key: string, code: string, territoryCode: string, description: string, extra: Record<string, unknown> = {}) => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/appeals', headers: as(dispatcher), payload: { categoryId: cat[code], territoryCode, description, ...extra } });
    expect(res.statusCode, res.body).toBe(201);
    made[key] = res.json() as Summary;
    return made[key];
  };
  const list = async (session: Session, query: Record<string, string>) => {
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/appeals?${new URLSearchParams(query).toString()}`, headers: as(session) });
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as List;
  };
  const found = async (session: Session, query: Record<string, string>) => (await list(session, query)).items.map((i) => i.id);

  beforeAll(async () => {
    t = await createTestApp({ engine });
    dispatcher = await login(t.app, 'dispatcher');
    clerk = await login(t.app, 'clerk');
    town = await login(t.app, 'town');
    for (const c of ((await t.app.inject({ method: 'GET', url: '/api/v1/categories' })).json() as { items: { id: string; code: string }[] }).items) cat[c.code] = c.id;
    const admin = await login(t.app, 'admin');
    const units = (await t.app.inject({ method: 'GET', url: '/api/v1/units', headers: as(admin) })).json() as { items: { id: string; name: string }[] };
    clerkUnitId = units.items.find((u) => u.name === '西湖区城市管理局')!.id;
    otherUnitId = units.items.find((u) => u.name === '杭州市公共交通集团有限公司')!.id;

    await file('garbage', 'city.appearance', '330106002051', `文三路人行道上的垃圾三天没人清理了，气味很大${HOSTILE.script}`, { residentPhone: '13812345678', address: '文三路 18 号' });
    await file('bins', 'city.appearance', '330106002052', '小区垃圾桶满了溢出来', { residentPhone: '13900001111' });
    await file('westBus', 'traffic.bus', '330106004053', '西溪街道公交站台破损，下雨天积水', { residentPhone: '0571-88005678' });
    await file('trad', 'traffic.bus', '330106002053', '北山街道公車站臺破損，雨天積水');
    await file('noise', 'environment.noise', '330106002051', `夜间施工噪音扰民${HOSTILE.link}`);
  });
  afterAll(async () => t?.close());

  it('finds nothing before the indexer has run, then everything it indexed', async () => {
    expect(await found(dispatcher, { q: '垃圾清理' })).toEqual([]);
    expect(await t.workers.search.runOnce()).toBe(5);
    expect(await found(dispatcher, { q: '垃圾清理' })).toEqual([made.garbage!.id]);
    expect(await t.workers.search.runOnce()).toBe(0);
  });

  it('matches Chinese by character pairs, Traditional against Simplified, the address too; best match first', async () => {
    expect(await found(dispatcher, { q: '垃圾' })).toEqual(expect.arrayContaining([made.garbage!.id, made.bins!.id]));
    expect(new Set(await found(dispatcher, { q: '站台破損' }))).toEqual(new Set([made.westBus!.id, made.trad!.id]));
    expect(await found(dispatcher, { q: '文三路18号' })).toEqual([made.garbage!.id]);
    // Both mention 积水; only one also says 西溪: it ranks first when the query names both.
    expect((await found(dispatcher, { q: '积水 西溪' }))[0]).toBe(made.westBus!.id);
    expect(await found(dispatcher, { q: '养老金' })).toEqual([]);
  });

  it('ranks a closer match first and, between equal matches, the newer one', async () => {
    const older = await file('older', 'environment.noise', '330106002052', '楼下烧烤店油烟很大');
    const newer = await file('newer', 'environment.noise', '330106002052', '楼下烧烤店油烟很大');
    const long = await file('long', 'environment.noise', '330106002052', '小区门口新开了好几家餐馆，其中一家烧烤店晚上营业到很晚，油烟和噪音都让居民不满');
    await t.workers.search.runOnce();
    expect(await found(dispatcher, { q: '烧烤油烟' })).toEqual([newer.id, older.id, long.id]);
  });

  it('filters by territory subtree, category, state, and pages with a total', async () => {
    expect(await found(dispatcher, { q: '积水', territory: '330106002' })).toEqual([made.trad!.id]);
    expect(await found(dispatcher, { q: '积水', territory: '330106004' })).toEqual([made.westBus!.id]);
    expect(await found(dispatcher, { q: '垃圾', categoryId: cat['traffic.bus']! })).toEqual([]);
    expect((await found(dispatcher, { territory: '330106002051' })).sort()).toEqual([made.garbage!.id, made.noise!.id].sort());
    expect(await found(dispatcher, { q: '垃圾', state: 'closed' })).toEqual([]);
    const first = await list(dispatcher, { q: '垃圾', limit: '1' });
    const second = await list(dispatcher, { q: '垃圾', limit: '1', offset: '1' });
    expect(first.page.total).toBe(2);
    expect(new Set([...first.items, ...second.items].map((i) => i.id))).toEqual(new Set([made.garbage!.id, made.bins!.id]));
  });

  it('finds tracking numbers whole, by their date or by their last digits; phones whole or by the last 4 digits', async () => {
    const no = made.garbage!.trackingNo;
    expect(await found(dispatcher, { trackingNo: no })).toEqual([made.garbage!.id]);
    expect(await found(dispatcher, { trackingNo: no.replace('-', '') })).toEqual([made.garbage!.id]);
    expect((await found(dispatcher, { trackingNo: no.slice(0, 8) })).length).toBe(Object.keys(made).length);
    expect(await found(dispatcher, { trackingNo: no.slice(-5) })).toEqual([made.garbage!.id]);
    expect(await found(dispatcher, { trackingNo: no.slice(4) })).toEqual([made.garbage!.id]);
    expect(await found(dispatcher, { phone: '13812345678' })).toEqual([made.garbage!.id]);
    expect(await found(dispatcher, { phone: '5678' })).toEqual(expect.arrayContaining([made.garbage!.id, made.westBus!.id]));
    expect(await found(dispatcher, { phone: '88005678' })).toEqual([made.westBus!.id]);
    expect(await found(dispatcher, { phone: '0571-88005678' })).toEqual([made.westBus!.id]);
    const bad = await t.app.inject({ method: 'GET', url: '/api/v1/appeals?phone=12', headers: as(dispatcher) });
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toContain('application/problem+json');
  });

  it('keeps to what the person may see: a unit finds only what it was dispatched, a town official its subtree', async () => {
    expect(await found(clerk, { q: '垃圾' })).toEqual([]);
    let a = made.garbage!;
    const res = await t.app.inject({ method: 'POST', url: `/api/v1/appeals/${a.id}/actions`, headers: as(dispatcher), payload: { action: 'dispatch', version: a.version, leadUnitId: clerkUnitId } });
    expect(res.statusCode, res.body).toBe(200);
    a = res.json() as Summary;
    const bins = made.bins!;
    expect((await t.app.inject({ method: 'POST', url: `/api/v1/appeals/${bins.id}/actions`, headers: as(dispatcher), payload: { action: 'dispatch', version: bins.version, leadUnitId: otherUnitId } })).statusCode).toBe(200);
    expect(await found(clerk, { q: '垃圾' })).toEqual([a.id]);
    expect(await found(clerk, { phone: '1111' })).toEqual([]);
    expect(await found(clerk, { trackingNo: bins.trackingNo.slice(-5) })).toEqual([]);
    expect(new Set(await found(town, { q: '积水' }))).toEqual(new Set([made.trad!.id]));
    expect(await found(town, { territory: '330106004' })).toEqual([]);
  });

  it('answers hostile queries with results or nothing, never an error', async () => {
    const hostile = [
      '"', '""', '*', '垃圾*', 'NEAR(垃圾 清理)', '垃圾 OR 1=1', '-垃圾', 'NOT 垃圾', "'; drop table appeal; --", "' OR '1'='1", '\\', '垃圾\\\'',
      ':*', '!垃圾 & | <->', '(((', '^垃圾', '{tokens}: 垃圾', 'appeal_search_fts', HOSTILE.script, HOSTILE.placeholder, HOSTILE.extB, '𣵦',
    ];
    for (const q of hostile) {
      const res = await t.app.inject({ method: 'GET', url: `/api/v1/appeals?q=${encodeURIComponent(q)}`, headers: as(dispatcher) });
      expect(res.statusCode, `${q}: ${res.body}`).toBe(200);
    }
    expect(await found(dispatcher, { q: 'NEAR(垃圾 清理)' })).toEqual([]);
    expect(await found(dispatcher, { q: '-垃圾' })).toEqual(expect.arrayContaining([made.garbage!.id]));
    expect(await found(dispatcher, { q: '"*"' })).toEqual([]);
  });

  it('resumes from its stored watermark, and a sweep finds an appeal that committed behind it', async () => {
    const fresh = new AppealSearchIndexer(t.database.handle.db, silent);
    expect(await fresh.runOnce()).toBe(0);
    // An appeal whose id is two minutes old when it commits: behind the watermark.
    const db = t.database.handle.db;
    const late = await db.selectFrom('appeal').selectAll().where('id', '=', made.noise!.id).executeTakeFirstOrThrow();
    const id = uuidv7({ msecs: Date.now() - 120_000 });
    await db.insertInto('appeal').values({ ...late, id, tracking_no: '20000101-00001', description: '河边钓鱼的人乱扔鱼钩' }).execute();
    const state = await db.selectFrom('appeal_search_state').select('watermark').executeTakeFirstOrThrow();
    expect(state.watermark > id).toBe(true);
    let swept = 0;
    for (let i = 0; i < 5 && swept === 0; i++) swept += await fresh.runOnce();
    expect(swept).toBe(1);
    expect(await found(dispatcher, { q: '鱼钩' })).toEqual([id]);
  });

  // Two indexing processes share a database only on PostgreSQL (SQLite deployments run one).
  if (engine === 'postgres')
    it('two processes indexing one PostgreSQL database write each appeal once, without errors', async () => {
    const second = openDatabase(t.database.config, { poolSize: 3 });
    try {
      await Promise.all(Array.from({ length: 30 }, (_, i) => file(`race${i}`, 'environment.noise', '330106002051', `第${i}号楼广场舞音响太吵`)));
      const a = new AppealSearchIndexer(t.database.handle.db, silent);
      const b = new AppealSearchIndexer(second.db, silent);
      const [na, nb] = await Promise.all([a.runOnce(), b.runOnce()]);
      expect(na + nb).toBeGreaterThanOrEqual(30);
      const rows = await second.db.selectFrom('appeal_search').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      const appeals = await second.db.selectFrom('appeal').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      expect(Number(rows.n)).toBe(Number(appeals.n));
      expect((await list(dispatcher, { q: '广场舞' })).page.total).toBe(30);
    } finally {
      await second.close();
    }
  });

  it('keeps the watermark a minute behind the newest appeal', async () => {
    const now = Date.now();
    await new AppealSearchIndexer(t.database.handle.db, silent).runOnce(now);
    const state = await t.database.handle.db.selectFrom('appeal_search_state').select('watermark').executeTakeFirstOrThrow();
    expect(state.watermark).toBe(uuidFloor(now - 60_000));
  });
});

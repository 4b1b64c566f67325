import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/server.js';
import { as, login, type Session } from '../support/http.js';

describe('duplicate hints while an appeal is typed', () => {
  let t: TestApp;
  let dispatcher: Session;
  const cat: Record<string, string> = {};
  beforeAll(async () => {
    t = await createTestApp();
    dispatcher = await login(t.app, 'dispatcher');
    for (const c of ((await t.app.inject({ method: 'GET', url: '/api/v1/categories' })).json() as { items: { id: string; code: string }[] }).items) cat[c.code] = c.id;
    const file = async (code: string, territoryCode: string, description: string) => {
      const res = await t.app.inject({ method: 'POST', url: '/api/v1/appeals', headers: as(dispatcher), payload: { categoryId: cat[code], territoryCode, description } });
      expect(res.statusCode, res.body).toBe(201);
    };
    await file('traffic.bus', '330106002051', '北山街道公交站台破损，下雨天站台积水严重');
    await file('traffic.bus', '330106002052', '北山街道公交车班次太少，等车要半小时');
    await file('environment.noise', '330106002051', '北山街道公交站旁边工地噪音很大');
    await file('traffic.bus', '330106004053', '公交站台破损积水，老人候车不便'); // 西溪街道: another town
  });
  afterAll(async () => t?.close());

  const similar = async (code: string, territoryCode: string, text: string) =>
    ((await t.app.inject({ method: 'GET', url: `/api/v1/appeals/similar?categoryId=${cat[code]}&territoryCode=${territoryCode}&text=${encodeURIComponent(text)}`, headers: as(dispatcher) })).json() as { items: { description: string; score: number }[] }).items;

  it('ranks the same concern first, in the same category and town only', async () => {
    const items = await similar('traffic.bus', '330106002052', '北山那个公交站的站台坏了，一下雨就积水');
    expect(items[0]?.description).toBe('北山街道公交站台破损，下雨天站台积水严重');
    expect(items.every((i) => !i.description.includes('工地'))).toBe(true);
    expect(items.every((i) => !i.description.startsWith('公交站台破损积水'))).toBe(true);
  });

  it('matches Traditional input against Simplified records', async () => {
    const items = await similar('traffic.bus', '330106002051', '北山街道公車站臺破損，雨天積水');
    expect(items[0]?.description).toBe('北山街道公交站台破损，下雨天站台积水严重');
  });

  it('returns nothing for an unrelated text', async () => {
    expect(await similar('traffic.bus', '330106002051', '养老金发放时间咨询')).toEqual([]);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from '../support/db.js';
import { HOSTILE } from '../support/hostile.js';
import { createTestApp, type TestApp } from '../support/server.js';
import { CHAIN, injectCaller, seedShowcaseChain, type Call, type SeededChain } from '../support/showcase-chain.js';

interface Catalogue {
  licence: { name: string; url: string };
  datasets: { id: string; title: { zh: string; en: string }; description: { zh: string; en: string }; licence: { name: string }; fields: { name: string; type: string; description: { zh: string; en: string } }[]; formats: string[]; downloads: { csv: string; json: string }; rowCount: number; updatedAt: string | null }[];
}

/** A small RFC 4180 reader: quoted fields, doubled quotes, CRLF records. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(field), (field = '');
    else if (c === '\r' && text[i + 1] === '\n') row.push(field), rows.push(row), (row = []), (field = ''), i++;
    else field += c;
  }
  return rows;
}

describe.each(ENGINES)('open data on %s', (engine) => {
  let t: TestApp;
  let call: Call;
  let chain: SeededChain;
  const get = (url: string) => t.app.inject({ method: 'GET', url: `/api/v1${url}` });

  beforeAll(async () => {
    t = await createTestApp({ engine });
    call = injectCaller(t.app);
    chain = await seedShowcaseChain(call, t.database.handle.db);
    // A suggestion whose text looks like a formula, issued on the same list.
    const s = await call('town', 'POST', `/consultations/${chain.eventId}/suggestions`, { text: '=HYPERLINK("http://spam.example","增开夜班车")', authors: [{ name: '居民 郑' }] });
    expect(s.status).toBe(201);
    expect((await call('town', 'POST', `/consultations/${chain.eventId}/suggestion-list`, {})).status).toBe(201);
    expect((await call('staff', 'POST', '/showcase/items', { kind: 'appeal', refId: chain.solvedAppealId, title: `地砖换新${HOSTILE.script}`, summary: '居民反映人行道地砖松动，养护单位三天内全部更换。' })).status).toBe(201);
  });
  afterAll(async () => t?.close());

  it('describes every dataset: bilingual fields, licence, formats, counts', async () => {
    const r = await get('/open-data');
    expect(r.statusCode).toBe(200);
    const c = r.json() as Catalogue;
    expect(c.licence).toEqual({ name: 'CC BY 4.0', url: 'https://creativecommons.org/licenses/by/4.0/' });
    expect(c.datasets.map((d) => d.id)).toEqual(['topics', 'events', 'suggestions', 'venues', 'appeal-stats', 'showcase']);
    for (const d of c.datasets) {
      expect(d.licence.name).toBe('CC BY 4.0');
      expect(d.formats).toEqual(['csv', 'json']);
      expect(d.fields.length).toBeGreaterThan(3);
      for (const f of d.fields) expect(f.description.zh && f.description.en).toBeTruthy();
    }
    const count = (id: string) => c.datasets.find((d) => d.id === id)!.rowCount;
    // The demo data has its own filed topic and announced events besides the chain's.
    expect(count('topics')).toBeGreaterThanOrEqual(1);
    expect(count('events')).toBeGreaterThanOrEqual(1);
    expect([count('suggestions'), count('showcase')]).toEqual([2, 1]);
    expect(count('venues')).toBeGreaterThan(0);
    expect(c.datasets.find((d) => d.id === 'appeal-stats')!.description.zh).toContain('少于 3 件');
  });

  it('CSV: BOM, header of field names, RFC 4180, formulas neutralised, no personal data', async () => {
    const r = await get('/open-data/suggestions.csv');
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(r.headers['content-disposition']).toContain('minhu-suggestions.csv');
    const text = r.rawPayload.toString('utf8');
    expect(text.startsWith('\uFEFFid,eventId,eventTitle,seq,text,state,decision,leadUnit,grade,progress,members,issuedAt,url\r\n')).toBe(true);
    const rows = parseCsv(text.slice(1));
    expect(rows).toHaveLength(3);
    const first = rows.find((row) => row[0] === chain.suggestionId)!;
    expect(first[2]).toBe(CHAIN.event);
    expect(first[4]).toBe(CHAIN.suggestion);
    expect(first[6]).toBe('adopted');
    expect(first[8]).toBe('A');
    expect(first[9]).toBe('100');
    expect(first[10]).toBe('委员 刘芳');
    expect(rows.some((row) => row[4] === `'=HYPERLINK("http://spam.example","增开夜班车")`)).toBe(true);
    for (const secret of ['居民 周', '居民 郑', CHAIN.resident, CHAIN.phone]) expect(text).not.toContain(secret);
  });

  it('JSON: dataset, licence, generatedAt, fields and rows; every dataset downloads in both formats', async () => {
    const r = await get('/open-data/showcase.json');
    expect(r.statusCode).toBe(200);
    const j = r.json() as { dataset: string; licence: { name: string }; generatedAt: string; fields: { name: string }[]; rows: Record<string, unknown>[] };
    expect(j.dataset).toBe('showcase');
    expect(j.licence.name).toBe('CC BY 4.0');
    expect(Date.parse(j.generatedAt)).not.toBeNaN();
    expect(j.rows).toEqual([expect.objectContaining({ kind: 'appeal', title: `地砖换新${HOSTILE.script}`, townCode: '330106002' })]);
    for (const id of ['topics', 'events', 'suggestions', 'venues', 'appeal-stats', 'showcase']) {
      const csv = await get(`/open-data/${id}.csv`);
      const json = await get(`/open-data/${id}.json`);
      expect([csv.statusCode, json.statusCode], id).toEqual([200, 200]);
      const body = json.json() as { fields: { name: string }[]; rows: Record<string, unknown>[] };
      expect(parseCsv(csv.rawPayload.toString('utf8').slice(1))[0]).toEqual(body.fields.map((f) => f.name));
      for (const secret of [CHAIN.resident, CHAIN.phone, CHAIN.appealText, CHAIN.solvedText, chain.trackingNo, '钱大伯']) expect(`${csv.body}${json.body}`).not.toContain(secret);
    }
    expect((await get('/open-data/nothing.csv')).statusCode).toBe(404);
    expect((await get('/open-data/topics.xml')).statusCode).toBe(400);
  });

  it('appeal statistics are counts only, small cells suppressed', async () => {
    const j = (await get('/open-data/appeal-stats.json')).json() as { rows: { month: string; townCode: string; category: string; stateBucket: string; count: number | null; suppressed: boolean }[] };
    // Two appeals in 北山街道 this month: one open, one closed; both cells are below three.
    const mine = j.rows.filter((r) => r.townCode === '330106002');
    expect(mine.length).toBeGreaterThan(0);
    for (const r of mine) expect(r).toMatchObject({ count: null, suppressed: true });
    for (const r of j.rows) expect(r.suppressed ? r.count === null : (r.count as number) >= 3).toBe(true);
  });
});

import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../server/infra/audit/audit.repository.js';
import { ENGINES } from '../support/db.js';
import { HOSTILE } from '../support/hostile.js';
import { as, login, type Session } from '../support/http.js';
import { GPS_FINGERPRINT, HTML_AS_JPG, PLANTED, jpegWithMetadata, pngWithMetadata, smallPng, webpWithMetadata } from '../support/photos.js';
import { createTestApp, type TestApp } from '../support/server.js';

interface Upload {
  id: string;
  mime: string;
  width: number;
  height: number;
  size: number;
  expiresAt: string;
}
interface TimelinePhoto {
  id: string;
  url: string;
  mime: string;
}
interface Appeal {
  id: string;
  version: number;
  timeline: { action: string; photos: TimelinePhoto[] }[];
}

describe.each(ENGINES)('photos on appeals on %s', (engine) => {
  let t: TestApp;
  let categoryId: string;
  let unitId: string;
  let dispatcher: Session;
  let clerk: Session;
  let seq = 10;
  beforeAll(async () => {
    t = await createTestApp({ engine });
    categoryId = ((await t.app.inject({ method: 'GET', url: '/api/v1/categories' })).json() as { items: { id: string; code: string }[] }).items.find((c) => c.code === 'environment.noise')!.id;
    dispatcher = await login(t.app, 'dispatcher');
    clerk = await login(t.app, 'clerk');
    const units = (await t.app.inject({ method: 'GET', url: '/api/v1/units', headers: as(dispatcher) })).json() as { items: { id: string; name: string }[] };
    unitId = units.items.find((u) => u.name === '西湖区城市管理局')!.id;
  });
  afterAll(async () => t?.close());

  const db = () => t.database.handle.db;
  const count = async () => Number((await db().selectFrom('appeal_photo').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  // Each test uploads from its own address: the per-address limit is tested on its own.
  const upload = (body: Buffer, type = 'image/jpeg', address = '127.0.1.1', lang?: 'en') =>
    t.app.inject({ method: 'POST', url: '/api/v1/photos', remoteAddress: address, headers: { 'content-type': type, ...(lang ? { 'accept-language': 'en' } : {}) }, payload: body });
  const uploaded = async (body: Buffer, address?: string) => {
    const res = await upload(body, 'image/png', address);
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as Upload;
  };
  const stored = async (id: string) => db().selectFrom('appeal_photo').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

  /** Files as a resident with a fresh phone and its one-time code (read from the SMS outbox). */
  const file = async (extra: Record<string, unknown>) => {
    const phone = `1390000${String(seq++).padStart(4, '0')}`;
    const remoteAddress = `127.0.2.${seq}`;
    await t.app.inject({ method: 'POST', url: '/api/v1/public/otp', remoteAddress, payload: { phone } });
    const row = await db().selectFrom('outbox').select('payload').where('recipient', '=', phone).where('template', '=', 'otp.code').executeTakeFirstOrThrow();
    const code = (JSON.parse(row.payload) as { code: string }).code;
    const send = (more: Record<string, unknown> = {}) =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/public/appeals',
        remoteAddress,
        payload: { phone, code, categoryId, territoryCode: '330106002051', description: `夜里工地噪声扰民，凌晨两点仍在施工。${HOSTILE.img}`, ...extra, ...more },
      });
    return { phone, send };
  };
  const appealByTracking = async (trackingNo: string) =>
    (await t.app.inject({ method: 'GET', url: `/api/v1/appeals?trackingNo=${trackingNo}`, headers: as(dispatcher) })).json() as { items: { id: string }[] };
  const detail = async (id: string, session: Session | null = dispatcher) => t.app.inject({ method: 'GET', url: `/api/v1/appeals/${id}`, headers: as(session) });

  it.each([
    ['JPEG', jpegWithMetadata, 'image/jpeg', 'jpeg'],
    ['PNG', pngWithMetadata, 'image/png', 'png'],
    ['WebP', webpWithMetadata, 'image/webp', 'webp'],
  ] as const)('accepts a real %s and stores it without EXIF, GPS, XMP or comments', async (_name, make, mime, format) => {
    const input = await make();
    // The declared type is ignored: a WebP sent as application/octet-stream is still a WebP.
    const res = await upload(input, 'application/octet-stream', '127.0.1.2');
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json() as Upload;
    expect(body).toMatchObject({ mime });
    expect(Math.max(body.width, body.height)).toBeLessThanOrEqual(2048);
    const row = await stored(body.id);
    const bytes = Buffer.from(row.data);
    expect(row).toMatchObject({ mime, appeal_id: null, size: bytes.length, width: body.width, height: body.height });
    expect(row.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
    for (const s of PLANTED[format]) expect(bytes.includes(s), s).toBe(false);
    expect(bytes.includes(GPS_FINGERPRINT)).toBe(false);
    const meta = await sharp(bytes).metadata();
    expect(meta).toMatchObject({ format });
    expect(meta.exif).toBeUndefined();
    expect(meta.xmp).toBeUndefined();
  });

  it('refuses HTML renamed to .jpg with a problem in the caller’s language, storing nothing', async () => {
    const before = await count();
    const zh = await upload(HTML_AS_JPG, 'image/jpeg', '127.0.1.3');
    expect(zh.statusCode).toBe(415);
    expect(zh.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(zh.json()).toMatchObject({ code: 'NOT_AN_IMAGE', title: expect.stringContaining('JPEG、PNG 或 WebP') });
    const en = await upload(HTML_AS_JPG, 'image/jpeg', '127.0.1.3', 'en');
    expect(en.json()).toMatchObject({ code: 'NOT_AN_IMAGE', title: expect.stringContaining('Only JPEG, PNG or WebP') });
    // Other declared types are refused as such; JSON is not a photo either.
    expect((await upload(HTML_AS_JPG, 'text/html', '127.0.1.3')).statusCode).toBe(415);
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/photos', remoteAddress: '127.0.1.3', payload: { photo: 'x' } })).statusCode).toBe(400);
    expect(await count()).toBe(before);
  });

  it('refuses an oversize photo before reading it, with 413 problem+json', async () => {
    const before = await count();
    const res = await upload(Buffer.alloc(t.config.photoMaxBytes + 1, 0xff), 'image/jpeg', '127.0.1.4');
    expect(res.statusCode).toBe(413);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.json()).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', detail: '每张照片不能超过 8 MB' });
    expect(await count()).toBe(before);
  });

  it('attaches up to six photos to an intake in order, in the same audited command; a seventh is refused', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 7; i++) ids.push((await uploaded(await smallPng(100 + i, 80), '127.0.1.5')).id);
    const { phone, send } = await file({ photoIds: ids });
    const seven = await send();
    expect(seven.statusCode).toBe(400);
    expect(seven.json()).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ field: 'photoIds' }] });
    expect((await send({ photoIds: [ids[0], ids[0]] })).statusCode).toBe(400);
    // The refused filing left the code and the uploads usable.
    const ok = await send({ photoIds: ids.slice(0, 6) });
    expect(ok.statusCode, ok.body).toBe(201);
    const { trackingNo } = ok.json() as { trackingNo: string };
    const [{ id }] = (await appealByTracking(trackingNo)).items as [{ id: string }];
    const appeal = (await detail(id)).json() as Appeal;
    const register = appeal.timeline.find((e) => e.action === 'register')!;
    expect(register.photos.map((p) => p.id)).toEqual(ids.slice(0, 6));
    const rows = await db().selectFrom('appeal_photo').select(['id', 'appeal_id', 'expires_at', 'position', 'sha256']).where('appeal_id', '=', id).orderBy('position').execute();
    expect(rows.map((r) => [r.id, r.expires_at, r.position])).toEqual(ids.slice(0, 6).map((p, i) => [p, null, i]));

    const audit = await db().selectFrom('audit_event').select(['after_json']).where('action', '=', 'appeal.register').where('resource_id', '=', id).executeTakeFirstOrThrow();
    expect(JSON.parse(audit.after_json ?? '{}')).toMatchObject({ photos: rows.map((r) => ({ id: r.id, sha256: r.sha256 })) });

    // The status page counts the photos and shows none of them.
    const status = await t.app.inject({ method: 'GET', url: `/api/v1/appeal-status/${trackingNo}?last4=${phone.slice(-4)}` });
    expect(status.json()).toMatchObject({ photoCount: 6 });
    expect(status.body).not.toContain(ids[0]);
  });

  it('refuses unknown, expired and already attached uploads', async () => {
    const unknown = await file({ photoIds: ['0192f4c4-9a4b-7cde-8f00-000000000000'] });
    const r1 = await unknown.send();
    expect(r1.statusCode).toBe(400);
    expect(r1.json()).toMatchObject({ code: 'VALIDATION_FAILED', detail: '照片已过期或不存在，请重新上传' });

    const expired = await uploaded(await smallPng(), '127.0.1.6');
    await sql`update appeal_photo set expires_at = ${new Date(Date.now() - 1000).toISOString()} where id = ${expired.id}`.execute(db());
    const withExpired = await file({ photoIds: [expired.id] });
    expect((await withExpired.send()).json()).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect((await withExpired.send({ photoIds: [] })).statusCode).toBe(201);

    const once = await uploaded(await smallPng(), '127.0.1.6');
    expect((await (await file({ photoIds: [once.id] })).send()).statusCode).toBe(201);
    expect((await (await file({ photoIds: [once.id] })).send()).json()).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ field: 'photoIds' }] });

    // The sweeper removes the expired upload, never an attached photo.
    expect(await t.workers.photos.runOnce()).toBeGreaterThanOrEqual(1);
    expect(await db().selectFrom('appeal_photo').select('id').where('id', 'in', [expired.id, once.id]).execute()).toEqual([{ id: once.id }]);
  });

  it('serves a photo to those who may read the appeal, as an inert image; nobody else sees it', async () => {
    const photo = await uploaded(await pngWithMetadata(), '127.0.1.7');
    const { send } = await file({ photoIds: [photo.id], confidential: true });
    const { trackingNo } = (await send()).json() as { trackingNo: string };
    const [{ id }] = (await appealByTracking(trackingNo)).items as [{ id: string }];
    const url = `/api/v1/appeals/${id}/photos/${photo.id}`;

    const ok = await t.app.inject({ method: 'GET', url, headers: as(dispatcher) });
    expect(ok.statusCode).toBe(200);
    expect(ok.headers['content-type']).toBe('image/png');
    expect(ok.headers['x-content-type-options']).toBe('nosniff');
    expect(ok.headers['content-security-policy']).toMatch(/default-src 'none'.*sandbox/);
    expect(createHash('sha256').update(ok.rawPayload).digest('hex')).toBe((await stored(photo.id)).sha256);

    // The unit's clerk sees it once the appeal is theirs, not before.
    expect((await t.app.inject({ method: 'GET', url, headers: as(clerk) })).statusCode).toBe(404);
    const dispatched = await t.app.inject({ method: 'POST', url: `/api/v1/appeals/${id}/actions`, headers: as(dispatcher), payload: { action: 'dispatch', version: 1, leadUnitId: unitId } });
    expect(dispatched.statusCode, dispatched.body).toBe(200);
    expect((await t.app.inject({ method: 'GET', url, headers: as(clerk) })).statusCode).toBe(200);

    expect((await t.app.inject({ method: 'GET', url })).statusCode).toBe(401);
    for (const who of ['resident', 'member', 'station']) {
      const res = await t.app.inject({ method: 'GET', url, headers: as(await login(t.app, who)) });
      expect(res.statusCode, who).toBe(404);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    }
    // The photo belongs to its appeal only.
    const other = (await (await file({})).send()).json() as { trackingNo: string };
    const [{ id: otherId }] = (await appealByTracking(other.trackingNo)).items as [{ id: string }];
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/appeals/${otherId}/photos/${photo.id}`, headers: as(dispatcher) })).statusCode).toBe(404);
  });

  it('a unit attaches photos to its reply, and only to a reply', async () => {
    const { send } = await file({});
    const { trackingNo } = (await send()).json() as { trackingNo: string };
    const [{ id }] = (await appealByTracking(trackingNo)).items as [{ id: string }];
    const act = async (session: Session, body: Record<string, unknown>) => {
      const current = (await detail(id, session)).json() as Appeal;
      return t.app.inject({ method: 'POST', url: `/api/v1/appeals/${id}/actions`, headers: as(session), payload: { version: current.version, ...body } });
    };
    expect((await act(dispatcher, { action: 'dispatch', leadUnitId: unitId })).statusCode).toBe(200);
    const evidence = await uploaded(await jpegWithMetadata(800, 600), '127.0.1.8');
    const sign = await act(clerk, { action: 'sign', photoIds: [evidence.id] });
    expect(sign.json()).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ field: 'photoIds' }] });
    expect((await act(clerk, { action: 'sign' })).statusCode).toBe(200);
    const reply = await act(clerk, { action: 'reply', text: '已协调施工单位夜间停工。', photoIds: [evidence.id] });
    expect(reply.statusCode, reply.body).toBe(200);
    const timeline = (reply.json() as Appeal).timeline;
    expect(timeline.find((e) => e.action === 'reply')!.photos).toMatchObject([{ id: evidence.id, mime: 'image/jpeg', url: `/api/v1/appeals/${id}/photos/${evidence.id}` }]);
    expect(timeline.find((e) => e.action === 'register')!.photos).toEqual([]);
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/appeals/${id}/photos/${evidence.id}`, headers: as(dispatcher) })).statusCode).toBe(200);
  });

  it('limits uploads per address', async () => {
    const png = await smallPng(20, 20);
    const codes: number[] = [];
    for (let i = 0; i <= t.config.publicRatePerMinute; i++) codes.push((await upload(png, 'image/png', '127.0.9.9')).statusCode);
    expect(codes.slice(0, -1).every((c) => c === 201)).toBe(true);
    expect(codes.at(-1)).toBe(429);
  });

  it('gives residents duplicate hints without text, numbers, people or confidential appeals', async () => {
    const description = '文一西路与古墩路口的红绿灯坏了，早高峰车辆拥堵严重';
    const open = await file({ description, residentName: '李四' });
    expect((await open.send()).statusCode).toBe(201);
    const secret = await file({ description: `${description}，我家就在路口东南角`, confidential: true });
    expect((await secret.send()).statusCode).toBe(201);
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/v1/public/appeals/similar?categoryId=${categoryId}&territoryCode=330106002051&text=${encodeURIComponent('古墩路口红绿灯坏了')}`,
    });
    expect(res.statusCode).toBe(200);
    const items = (res.json() as { items: Record<string, unknown>[] }).items;
    expect(items).toHaveLength(1);
    expect(Object.keys(items[0]!).sort()).toEqual(['createdAt', 'state', 'territoryCode']);
    for (const leak of ['红绿灯', '李四', open.phone, secret.phone.slice(-4), '东南角']) expect(res.body).not.toContain(leak);
  });

  it('keeps the audit chain whole', async () => {
    expect((await verifyAuditChain(db())).ok).toBe(true);
  });
});

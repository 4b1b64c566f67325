import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable } from '../support/browser.js';
import { DEMO_PASSWORD, lastSmsCode, newContext, pick, signInViaApi, startWeb, type WebFixture } from './web.fixture.js';

/**
 * The acceptance chain, each person through their own pages: similar appeals → a
 * candidate topic drafted and filed → an event at the station taken through its procedure →
 * the suggestion list decided and issued → assigned to the bus company, signed and answered
 * (A, and B then A) → the resident who filed a linked appeal hears of it and rates it → the
 * public journey shows the chain without personal data.
 */

// Fictional appeals about one bus stop in 北山街道: three by phone through the hotline, one by
// the demo resident herself (signed in, with a one-time code) — hers is linked to a suggestion.
const HOTLINE = ['北山街道保俶路公交站台顶棚破了，下雨天老人候车淋雨', '北山街道保俶路公交站台顶棚破损漏雨，候车居民没地方躲雨', '北山街道保俶路公交站台顶棚损坏，请尽快修理'];
const RESIDENT_TEXT = '北山街道保俶路公交站台顶棚漏雨，下雨天候车的人都淋湿了';
const RESIDENT_PHONE = '13900007788';
const BUS = '杭州市公共交通集团有限公司';
const STATION = '上保社区协商驿站';
const EVENT = '保俶路公交站台改造——驿站协商会';
const SUGGESTIONS = {
  shelter: '保俶路站台加装加长雨棚，老人候车区增设座椅',
  lastBus: '末班车延后到晚上十一点，方便夜班居民回家',
  move: '把公交站台整体搬到小区门口',
};
const REASON = '站台位置受道路条件限制，另行研究';

type Person = Awaited<ReturnType<typeof newContext>>;

const topicState = (page: Page) => page.locator('.mh-page-head .mh-state-tag');
/** The event page's “current step” value. */
const currentStep = (page: Page) => page.locator('.ant-descriptions-item-label', { hasText: /^当前步骤$/ }).locator('xpath=following-sibling::td[1]');
const stateTag = (page: Page) => page.locator('h1 .ant-tag');

/** Takes a review step from the topic page: the button, then the dialog's confirming button. */
async function topicAction(page: Page, action: string, state: string) {
  await page.locator('section[aria-labelledby="topic-actions"]').getByRole('button', { name: action, exact: true }).click();
  const dialog = page.getByRole('dialog');
  await dialog.locator('.ant-modal-title').filter({ hasText: action }).waitFor();
  await dialog.getByRole('button', { name: action, exact: true }).click();
  await dialog.waitFor({ state: 'detached' });
  await topicState(page).filter({ hasText: state }).waitFor();
}

/** Advances the event one step from its page and waits for the next step to show. */
async function advance(page: Page, next: string) {
  await page.getByRole('button', { name: '进入下一步' }).click();
  await currentStep(page).filter({ hasText: next }).waitFor();
}

/** Adds one document of a kind through the event page's dialog. */
async function addDocument(page: Page, kind: string, fill: (dialog: Locator) => Promise<void>) {
  await page.getByRole('button', { name: '添加材料' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.locator('.ant-modal-title').filter({ hasText: '添加材料' }).waitFor();
  await pick(dialog, page, '材料类型', kind);
  await fill(dialog);
  await dialog.getByRole('button', { name: '保存' }).click();
  await dialog.waitFor({ state: 'detached' });
  await page.locator('.ant-card-extra .ant-tag', { hasText: kind }).first().waitFor();
}

/** Radio `choice` within the form item labelled `label`. */
const radio = (scope: Page | Locator, label: string, choice: string) =>
  scope.locator('.ant-form-item', { has: scope.locator('label', { hasText: new RegExp(`^${label}$`) }) }).getByLabel(choice, { exact: true });

describe.skipIf(!browserAvailable())('one topic from a cluster of appeals to a public result (browser)', () => {
  let web: WebFixture;
  let residentId = '';
  let residentAppealId = '';
  let residentTrackingNo = '';

  beforeAll(async () => {
    web = await startWeb();
    // Setup that is not under test, through the API: the bus company's clerk account (as the
    // administrator), three hotline appeals (as the dispatcher), the resident's own appeal.
    const admin = await newContext(web);
    const adminCsrf = await signInViaApi(admin.context.request, 'admin');
    const units = (await (await admin.context.request.get('/api/v1/units', { params: { q: '公共交通集团', limit: 20 } })).json()) as { items: { id: string; name: string }[] };
    const busUnitId = units.items.find((u) => u.name === BUS)!.id;
    const created = await admin.context.request.post('/api/v1/accounts', {
      headers: { 'x-csrf-token': adminCsrf },
      data: { username: 'busclerk', displayName: '公交集团 钱师傅', password: DEMO_PASSWORD, grants: [{ role: 'unit_clerk', scopeType: 'unit', scopeId: busUnitId }] },
    });
    expect(created.status(), await created.text()).toBe(201);
    await admin.context.close();

    const hotline = await newContext(web);
    const csrf = await signInViaApi(hotline.context.request, 'dispatcher');
    const cats = (await (await hotline.context.request.get('/api/v1/categories')).json()) as { items: { id: string; code: string }[] };
    const categoryId = cats.items.find((c) => c.code === 'traffic.bus')!.id;
    for (const [i, description] of HOTLINE.entries()) {
      const r = await hotline.context.request.post('/api/v1/appeals', {
        headers: { 'x-csrf-token': csrf },
        data: { categoryId, territoryCode: '330106002051', description, residentPhone: `1380000010${i}`, residentName: `居民 ${'甲乙丙'[i]}` },
      });
      expect(r.status(), await r.text()).toBe(201);
    }
    await hotline.context.close();

    // The resident files while signed in, so the appeal is her account's.
    const resident = await newContext(web);
    const residentCsrf = { 'x-csrf-token': await signInViaApi(resident.context.request, 'resident') };
    expect((await resident.context.request.post('/api/v1/public/otp', { headers: residentCsrf, data: { phone: RESIDENT_PHONE } })).status()).toBe(202);
    const code = await lastSmsCode(web, RESIDENT_PHONE);
    const filed = await resident.context.request.post('/api/v1/public/appeals', { headers: residentCsrf, data: { phone: RESIDENT_PHONE, code, categoryId, territoryCode: '330106002051', description: RESIDENT_TEXT } });
    expect(filed.status(), await filed.text()).toBe(201);
    residentTrackingNo = ((await filed.json()) as { trackingNo: string }).trackingNo;
    await resident.context.close();
    const row = await web.db.selectFrom('appeal').select(['id', 'filed_by']).where('tracking_no', '=', residentTrackingNo).executeTakeFirstOrThrow();
    residentAppealId = row.id;
    residentId = (await web.db.selectFrom('account').select('id').where('username', '=', 'resident').executeTakeFirstOrThrow()).id;
    expect(row.filed_by).toBe(residentId);
  });
  afterAll(async () => {
    await web?.close();
  });

  let topicTitle = '';
  let eventUrl = '';
  const suggestionIds: Record<keyof typeof SUGGESTIONS, string> = { shelter: '', lastBus: '', move: '' };

  it('the town official drafts a topic from the cluster of the four appeals and submits it; district staff file it', async () => {
    const town: Person = await newContext(web, { timezoneId: 'Asia/Shanghai' });
    const page = town.page;
    await signInViaApi(town.context.request, 'town');
    await page.goto('/workbench');
    await page.getByRole('navigation', { name: '工作台菜单' }).getByRole('link', { name: '候选议题' }).click();
    await page.getByRole('heading', { level: 1, name: '候选议题' }).waitFor();
    await page.getByRole('heading', { level: 2, name: /找到 1 组/ }).waitFor();
    const cluster = page.locator('.mh-cluster').first();
    await cluster.getByText('4 件诉求', { exact: true }).waitFor();
    await cluster.getByRole('button', { name: /^生成议题草稿/ }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('将关联这一组的 4 件诉求。').waitFor();
    topicTitle = await dialog.getByLabel('议题名称').inputValue();
    expect(topicTitle).toMatch(/^关于“.+”问题的协商议题$/);
    await dialog.getByRole('button', { name: '保存草稿' }).click();
    await page.getByRole('heading', { level: 1, name: topicTitle }).waitFor();
    await page.getByRole('heading', { level: 2, name: '关联诉求（4 件）' }).waitFor();
    const topicUrl = page.url();
    await topicAction(page, '提交审核', '待审核');
    expect(town.problems).toEqual([]);
    await town.context.close();

    const staff: Person = await newContext(web, { timezoneId: 'Asia/Shanghai' });
    await signInViaApi(staff.context.request, 'staff');
    await staff.page.goto(topicUrl);
    await topicState(staff.page).filter({ hasText: '待审核' }).waitFor();
    await topicAction(staff.page, '审核备案', '已备案');
    expect(staff.problems).toEqual([]);
    await staff.context.close();
  });

  let head: Person;
  it('the station head plans an event at the station on the filed topic; the research step is refused until its report is there', async () => {
    head = await newContext(web, { timezoneId: 'Asia/Shanghai' });
    const page = head.page;
    await signInViaApi(head.context.request, 'station');
    await page.goto('/workbench');
    await page.getByRole('navigation', { name: '工作台菜单' }).getByRole('link', { name: '我的协商活动' }).click();
    await page.getByRole('heading', { level: 1, name: '我的协商活动' }).waitFor();
    await page.getByRole('button', { name: '新建协商活动' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('活动名称').fill(EVENT);
    await pick(dialog, page, '协商议题', topicTitle);
    await pick(dialog, page, '议事场所', STATION);
    await pick(dialog, page, '规程', '基层协商标准规程');
    await dialog.getByLabel('开始时间').fill('2026-12-10T14:30');
    await dialog.getByRole('button', { name: '创建' }).click();
    await page.getByRole('heading', { level: 1, name: EVENT }).waitFor();
    eventUrl = page.url();
    expect(eventUrl).toMatch(/\/workbench\/consultations\/[0-9a-f-]{36}$/);
    await currentStep(page).filter({ hasText: '收集议题' }).waitFor();

    // The first three steps need no documents; the research step needs its report.
    await advance(page, '提出议题（点题）');
    await advance(page, '审核备案');
    await advance(page, '调研走访');
    await page.getByRole('button', { name: '进入下一步' }).click();
    await page.getByRole('alert').getByText('“调研走访”步骤缺少：调研报告').waitFor();
    await currentStep(page).filter({ hasText: '调研走访' }).waitFor();
    await addDocument(page, '调研报告', (d) => d.getByLabel('内容').fill('走访保俶路站台早晚高峰，约两百人候车，雨棚破损三处。'));
    await advance(page, '协商议事');
    expect(head.problems).toEqual([]);
  });

  it('the meeting step passes only once its six documents and a sign-in are there', async () => {
    const page = head.page;
    // The server names what is missing.
    await page.getByRole('button', { name: '进入下一步' }).click();
    await page.getByRole('alert').getByText(/“协商议事”步骤缺少：.*签到名单/).waitFor();
    await addDocument(page, '活动公告', (d) => d.getByLabel('内容').fill('12月10日下午在上保社区协商驿站商议保俶路公交站台改造，欢迎居民参加。'));
    await addDocument(page, '议程', async (d) => {
      await d.getByLabel('事项 1').fill('通报站台现状和居民诉求');
      await d.getByLabel('发言人 1').fill('社区书记');
    });
    await addDocument(page, '邀请名单', async (d) => {
      await d.getByLabel('姓名 1').fill('居民代表 孙阿姨');
    });
    // One person signed in by the staff at the door.
    const attendee = page.locator('form#attendee');
    await attendee.getByLabel('姓名').fill('居民 周师傅');
    await attendee.getByRole('button', { name: '登记签到' }).click();
    await page.getByRole('cell', { name: '居民 周师傅', exact: true }).waitFor();
    await addDocument(page, '会议纪要', (d) => d.getByLabel('内容').fill('与会居民同意加长雨棚；末班车延后由公交集团研究。'));
    await page.getByRole('button', { name: '进入下一步' }).click();
    await page.getByRole('alert').getByText('“协商议事”步骤缺少：活动照片').waitFor();
    await addDocument(page, '活动照片', (d) => d.getByLabel('内容').fill('会场照片三张，存社区档案室。'));
    await advance(page, '形成意见清单');
    expect(head.problems).toEqual([]);
  });

  it('on the same page the station head records three suggestions (one linked to the resident’s appeal), decides them and issues the list', async () => {
    const page = head.page;
    await page.getByRole('button', { name: '进入下一步' }).click();
    await page.getByRole('alert').getByText('“形成意见清单”步骤缺少：意见清单').waitFor();

    const add = async (text: string, authors: string, appealId?: string) => {
      await page.getByRole('button', { name: '新增意见建议' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByLabel('意见建议内容').fill(text);
      await dialog.getByLabel('其他提出人').fill(authors);
      if (appealId) await dialog.getByLabel('关联诉求编号').fill(appealId);
      await dialog.getByRole('button', { name: '保存' }).click();
      await dialog.waitFor({ state: 'detached' });
      await page.getByTestId('suggestion-item').filter({ hasText: text }).waitFor();
    };
    await add(SUGGESTIONS.shelter, '居民 周师傅', residentAppealId);
    await add(SUGGESTIONS.lastBus, '居民 吴');
    await add(SUGGESTIONS.move, '居民 郑');
    const item = (text: string) => page.getByTestId('suggestion-item').filter({ hasText: text });
    await item(SUGGESTIONS.shelter).getByText(residentTrackingNo, { exact: false }).waitFor();

    const decide = async (text: string, decision: string, reason?: string) => {
      await item(text).getByRole('button', { name: '研究结果' }).click();
      const dialog = page.getByRole('dialog');
      await pick(dialog, page, '研究结果', decision);
      if (reason) await dialog.getByLabel('理由').fill(reason);
      await dialog.getByRole('button', { name: '保存' }).click();
      await dialog.waitFor({ state: 'detached' });
      await item(text).getByText(decision, { exact: true }).waitFor();
    };
    await decide(SUGGESTIONS.shelter, '采纳');
    await decide(SUGGESTIONS.lastBus, '采纳');
    await decide(SUGGESTIONS.move, '不予采纳', REASON);
    await item(SUGGESTIONS.move).getByText(REASON).waitFor();

    await page.getByRole('button', { name: '印发意见清单' }).click();
    for (const text of Object.values(SUGGESTIONS)) await item(text).getByText('已印发', { exact: true }).waitFor();
    // Issuing the list is the step's document: the event page knows at once, and the step passes.
    await page.locator('.ant-card-extra .ant-tag', { hasText: '意见清单' }).first().waitFor();
    await advance(page, '交办');

    for (const key of Object.keys(SUGGESTIONS) as (keyof typeof SUGGESTIONS)[]) {
      const href = await item(SUGGESTIONS[key]).getByRole('link', { name: '查看' }).getAttribute('href');
      suggestionIds[key] = href!.split('/').pop()!;
    }
    expect(head.problems).toEqual([]);
    await head.context.close();
  });

  it('district staff assign both adopted suggestions to the bus company from their desk', async () => {
    const staff: Person = await newContext(web, { timezoneId: 'Asia/Shanghai' });
    const page = staff.page;
    await signInViaApi(staff.context.request, 'staff');
    for (const text of [SUGGESTIONS.shelter, SUGGESTIONS.lastBus]) {
      await page.goto('/workbench');
      await page.getByRole('navigation', { name: '工作台菜单' }).getByRole('link', { name: '意见建议交办台' }).click();
      await page.getByRole('link', { name: new RegExp(text.slice(0, 10)) }).click();
      await page.getByTestId('suggestion-text').filter({ hasText: text }).waitFor();
      const card = page.locator('.ant-card', { has: page.locator('.ant-card-head-title', { hasText: /^交办$/ }) });
      await pick(card, page, '主办单位', BUS, '公共交通');
      await card.getByRole('button', { name: '交 办' }).or(card.getByRole('button', { name: '交办', exact: true })).click();
      await stateTag(page).filter({ hasText: '已交办待签收' }).waitFor();
      await page.getByText(`${BUS}（主办）`).waitFor();
    }
    // The one not adopted cannot be assigned.
    await page.goto(`/workbench/suggestions/${suggestionIds.move}`);
    await stateTag(page).filter({ hasText: '已研究' }).waitFor();
    expect(await page.locator('.ant-card-head-title', { hasText: /^交办$/ }).count()).toBe(0);
    expect(staff.problems).toEqual([]);
    await staff.context.close();
  });

  it('the bus company’s clerk signs both, answers one A and the other B, and later answers the B one A', async () => {
    const clerk: Person = await newContext(web, { timezoneId: 'Asia/Shanghai' });
    const page = clerk.page;
    await signInViaApi(clerk.context.request, 'busclerk');
    const reply = async (grade: string, text: string, state: string) => {
      await radio(page, '答复等级', grade).check();
      await page.getByLabel('答复内容').fill(text);
      await page.getByRole('button', { name: '提交答复' }).click();
      await page.getByText(text).first().waitFor();
      await stateTag(page).filter({ hasText: state }).waitFor();
    };
    const open = async (text: string) => {
      await page.goto('/workbench');
      await page.getByRole('navigation', { name: '工作台菜单' }).getByRole('link', { name: '交办的意见建议' }).click();
      await page.getByRole('heading', { level: 1, name: '交办的意见建议' }).waitFor();
      await page.getByRole('link', { name: new RegExp(text.slice(0, 10)) }).click();
      await page.getByTestId('suggestion-text').filter({ hasText: text }).waitFor();
    };

    await open(SUGGESTIONS.lastBus);
    await page.getByRole('button', { name: '签收', exact: true }).click();
    await stateTag(page).filter({ hasText: '办理中' }).waitFor();
    await reply('A 类 · 已解决或采纳', '末班车已延后至23:00，12月15日起执行', '已办结');

    await open(SUGGESTIONS.shelter);
    await page.getByRole('button', { name: '签收', exact: true }).click();
    await stateTag(page).filter({ hasText: '办理中' }).waitFor();
    await reply('B 类 · 正在解决或列入计划', '雨棚加长方案已报批，座椅已采购', '已答复（持续办理）');
    await reply('A 类 · 已解决或采纳', '雨棚已加长两米，老人候车座椅已安装', '已办结');
    expect(clerk.problems).toEqual([]);
    await clerk.context.close();
  });

  it('the resident who filed the linked appeal was told, finds it under her suggestions and rates the result satisfied', async () => {
    // Her inbox holds the decision and both replies; the phone she filed with got the answer by SMS.
    const inbox = await web.db.selectFrom('notification').select(['kind', 'payload']).where('account_id', '=', residentId).where('resource_id', '=', suggestionIds.shelter).orderBy('created_at').execute();
    expect(inbox.map((n) => n.kind)).toEqual(['suggestion.decided', 'suggestion.replied', 'suggestion.replied']);
    expect(JSON.parse(inbox[0]!.payload)).toMatchObject({ path: `/suggestions/${suggestionIds.shelter}` });
    const sms = await web.db.selectFrom('outbox').select(['template', 'payload']).where('recipient', '=', RESIDENT_PHONE).where('template', 'like', 'suggestion.%').orderBy('created_at').execute();
    expect(sms.map((m) => m.template)).toContain('suggestion.replied');

    const resident: Person = await newContext(web, { timezoneId: 'Asia/Shanghai' });
    const page = resident.page;
    await signInViaApi(resident.context.request, 'resident');
    await page.goto('/workbench');
    // 我的消息 tells her in words, newest first, each leading to the suggestion's public journey.
    await page.getByRole('navigation', { name: '工作台菜单' }).getByRole('link', { name: '我的消息' }).click();
    await page.getByRole('heading', { level: 1, name: /我的消息/ }).waitFor();
    const told = page.locator('.mh-inbox').getByRole('link', { name: /已研究决定：采纳/ });
    await told.waitFor();
    expect(await page.locator('.mh-inbox').getByRole('link', { name: /已收到承办单位答复（[AB] 类）/ }).count()).toBe(2);
    expect(await told.getAttribute('href')).toBe(`/suggestions/${suggestionIds.shelter}`);
    await page.getByRole('button', { name: '全部标为已读' }).click();
    await page.locator('.mh-inbox-unread').first().waitFor({ state: 'detached' });
    expect(resident.problems).toEqual([]);
    await page.getByRole('navigation', { name: '工作台菜单' }).getByRole('link', { name: '我的意见建议' }).click();
    await page.getByRole('heading', { level: 1, name: '我的意见建议' }).waitFor();
    const mine = page.getByRole('link', { name: new RegExp(SUGGESTIONS.shelter.slice(0, 10)) });
    await mine.waitFor();
    // Only the suggestion linked to her appeal is hers to follow.
    expect(await page.getByRole('link', { name: new RegExp(`${SUGGESTIONS.lastBus.slice(0, 8)}|${SUGGESTIONS.move.slice(0, 8)}`) }).count()).toBe(0);
    await mine.click();
    await page.getByTestId('suggestion-text').filter({ hasText: SUGGESTIONS.shelter }).waitFor();
    await page.getByText('雨棚已加长两米，老人候车座椅已安装').first().waitFor();
    await radio(page, '对答复', '满意').check();
    await radio(page, '对办理结果', '满意').check();
    await page.getByRole('button', { name: '提交评价' }).click();
    await page.locator('.ant-timeline').getByText(/^满意度评价 · /).waitFor();
    await stateTag(page).filter({ hasText: '已办结' }).waitFor();
    expect(resident.problems).toEqual([]);
    await resident.context.close();
  });

  it('the public journey and the event’s public results show the chain, and no resident’s personal data', async () => {
    const pub: Person = await newContext(web);
    const page = pub.page;
    await page.goto(`/suggestions/${suggestionIds.shelter}`);
    await page.getByRole('heading', { level: 1, name: /第 1 条意见建议/ }).waitFor();
    expect(await page.getByTestId('suggestion-text').textContent()).toBe(SUGGESTIONS.shelter);
    await page.getByRole('link', { name: EVENT }).waitFor();
    await page.getByText(`${BUS}（主办）`).waitFor();
    await page.getByText('满意 1 · 基本满意 0 · 不满意 0').waitFor();
    await page.getByText('本条意见回应了 1 件诉求').waitFor();
    const steps = await page.getByTestId('journey-step').allTextContents();
    expect(steps.map((x) => [x.split(' · ')[0], x.split(' · ')[2] ?? ''])).toEqual([
      ['协商会上提出', ''],
      ['研究决定', '采纳'],
      ['交办', ''],
      ['承办单位签收', ''],
      ['答复', 'B 类'],
      ['答复', 'A 类'],
      ['满意度评价', '满意'],
    ]);
    const html = await page.content();
    for (const secret of [RESIDENT_PHONE, '孙阿姨', residentTrackingNo, '居民 周师傅', '13800000100']) expect(html).not.toContain(secret);

    // The event's public results list all three with their decisions.
    await page.getByRole('link', { name: EVENT }).click();
    await page.getByRole('heading', { level: 1, name: EVENT }).waitFor();
    for (const text of Object.values(SUGGESTIONS)) await page.getByText(text, { exact: true }).waitFor();
    await page.locator('.ant-card', { hasText: SUGGESTIONS.move }).getByText('不予采纳', { exact: true }).waitFor();
    await page.locator('.ant-card', { hasText: SUGGESTIONS.lastBus }).getByText(`${BUS} · 100 %`).waitFor();
    const results = await page.content();
    for (const secret of [RESIDENT_PHONE, '孙阿姨', residentTrackingNo, '居民 周师傅', '居民 吴', '居民 郑']) expect(results).not.toContain(secret);
    expect(pub.problems).toEqual([]);
    await pub.context.close();
  });
});

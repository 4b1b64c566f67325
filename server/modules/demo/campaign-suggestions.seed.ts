import type { Kysely } from 'kysely';
import { CalendarService } from '../../infra/calendar/calendar.service.js';
import type { CommandContext } from '../../infra/commands.js';
import type { DB } from '../../infra/db/schema.js';
import type { Actor } from '../../infra/http/access.js';
import { actorOfAccount, createAccount, findAccountByUsername, findUnitByName } from '../accounts/index.js';
import { decideConsultationAction, findConsultation } from '../consultations/index.js';
import {
  addSuggestion,
  assignSuggestion,
  decideSuggestionCommand,
  giveFeedback,
  issueSuggestionList,
  replyToSuggestion,
  reportProgress,
  respondToAssignment,
  type SuggestionDecision,
} from '../suggestions/index.js';
import { DEFAULT_UNIT, SUGGESTIONS, UNIT_FOR_SUGGESTION } from './campaign.data.js';
import { DEMO_PASSWORD } from './demo.seed.js';

/** Moves a demo event on by `times` steps as the system (stops once it is completed). */
export async function advanceEvent(db: Kysely<DB>, ctx: CommandContext, id: string, times: number): Promise<void> {
  let c = await findConsultation(db, id);
  for (let i = 0; i < times && c && c.state !== 'completed'; i++) {
    c = await decideConsultationAction(db, ctx, 'system', id, { action: 'advance', version: c.version });
  }
}

/** An event of the demo month once its meeting is held: what was said there and by whom. */
export interface SeededEvent {
  id: string;
  territoryCode: string;
  /** Order in the month (0 = first): earlier events are further along. */
  index: number;
  suggestionTexts: string[];
  /** Member accounts who made the suggestions. */
  authors: string[];
}

/** The demo's unit clerks (one per unit; the 城管局 clerk is the demo's `clerk`). */
const UNIT_CLERKS = [
  { username: 'clerk', unit: '西湖区城市管理局', displayName: '城管局 周伟' },
  { username: 'housing', unit: '西湖区住房和城乡建设局', displayName: '住建局 吴静' },
  { username: 'bus', unit: '杭州市公共交通集团有限公司', displayName: '公交集团 钱𫟹' },
];

/**
 * After each demo meeting: its suggestions are listed and the list issued, decided (about
 * seven in ten adopted), the adopted ones assigned to the unit concerned, signed, answered A
 * or B (C now and then), progress reported and results rated by the members who raised them;
 * how far an event got depends on how early in the month it was held. All through the
 * commands people use, each acting as the demo account whose job it is.
 */
export async function seedCampaignSuggestions(db: Kysely<DB>, ctx: CommandContext, events: SeededEvent[], random: () => number): Promise<void> {
  const staffAccount = await findAccountByUsername(db, 'staff');
  const staff = staffAccount ? await actorOfAccount(db, staffAccount.id) : null;
  if (!staff) return;
  const calendar = await new CalendarService(db).get();

  const clerks = new Map<string, { unitId: string; actor: Actor }>();
  for (const c of UNIT_CLERKS) {
    const unit = await findUnitByName(db, c.unit);
    if (!unit) continue;
    let account = await findAccountByUsername(db, c.username);
    if (!account) {
      await createAccount(db, ctx, { username: c.username, displayName: c.displayName, password: DEMO_PASSWORD, grants: [{ role: 'unit_clerk', scopeType: 'unit', scopeId: unit.id }] });
      account = await findAccountByUsername(db, c.username);
    }
    const actor = account ? await actorOfAccount(db, account.id) : null;
    if (actor) clerks.set(c.unit, { unitId: unit.id, actor });
  }
  const raters = new Map<string, Actor>();
  const raterOf = async (accountId: string) => {
    if (!raters.has(accountId)) {
      const a = await actorOfAccount(db, accountId);
      if (a) raters.set(accountId, a);
    }
    return raters.get(accountId);
  };
  for (const e of events) {
    // 0 for the first events of the month … 1 for the last.
    const lateness = e.index / Math.max(1, events.length - 1);
    const added = [];
    for (const [i, text] of e.suggestionTexts.entries()) {
      const author = e.authors[i % Math.max(1, e.authors.length)];
      added.push({ text, author, row: await addSuggestion(db, ctx, staff, e.id, { text, authors: author ? [{ accountId: author }] : [{ name: '居民代表' }] }) });
    }
    await issueSuggestionList(db, ctx, staff, e.id, { title: '意见清单' });
    await advanceEvent(db, ctx, e.id, 1); // past 形成意见清单
    if (lateness > 0.9) continue; // the month's last meetings: the list is issued, decisions pending

    let allAssigned = true;
    for (const { text, author, row } of added) {
      const r = random();
      const decision: SuggestionDecision = r < 0.66 ? 'adopted' : r < 0.78 ? 'partly_adopted' : r < 0.9 ? 'reference' : 'not_adopted';
      let s = await decideSuggestionCommand(db, ctx, staff, row.id, {
        version: row.version,
        decision,
        reason: decision === 'not_adopted' ? '涉及业主大会表决事项，建议由业主大会依法决定（演示数据）' : null,
      });
      if (decision !== 'adopted' && decision !== 'partly_adopted') continue;
      const unitName = UNIT_FOR_SUGGESTION[SUGGESTIONS.indexOf(text)] ?? DEFAULT_UNIT;
      const clerk = clerks.get(unitName);
      if (!clerk) {
        allAssigned = false;
        continue;
      }
      s = await assignSuggestion(db, ctx, staff, calendar, s.id, { version: s.version, leadUnitId: clerk.unitId, deadlineDays: 20 });
      if (lateness > 0.75) continue; // assigned, not yet signed
      s = await respondToAssignment(db, ctx, clerk.actor, s.id, { version: s.version, response: 'sign' });
      if (lateness > 0.6) continue; // signed, being handled
      const g = random();
      const grade = g < 0.6 ? 'A' : g < 0.9 ? 'B' : 'C';
      s = await replyToSuggestion(db, ctx, clerk.actor, s.id, {
        version: s.version,
        grade,
        text: grade === 'A' ? '已办理完毕，现场已整改到位。（演示数据）' : grade === 'B' ? '已列入工作计划，正在推进实施。（演示数据）' : '受场地条件限制，待条件成熟后解决。（演示数据）',
      });
      if (grade === 'B') {
        s = await reportProgress(db, ctx, clerk.actor, s.id, { version: s.version, percent: 30 + Math.floor(random() * 50), milestone: '方案已确定，施工单位进场（演示数据）', onDate: '2026-11-25' });
      }
      const rater = grade === 'A' && author ? await raterOf(author) : undefined;
      if (rater) {
        const f = random();
        const rating = f < 0.75 ? 'satisfied' : 'basically_satisfied';
        s = await giveFeedback(db, ctx, rater, calendar, s.id, { version: s.version, replyRating: rating, resultRating: rating });
      }
    }
    // Assigned lists move the event on: through 交办, and for the month's first meetings past 落实 and 反馈.
    if (allAssigned) await advanceEvent(db, ctx, e.id, lateness < 0.35 ? 3 : 1);
  }
}

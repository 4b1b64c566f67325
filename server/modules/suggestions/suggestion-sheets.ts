/** The two sheets an event's suggestions are exported as, with Chinese headers. */
import type { Sheet } from './suggestion-exports.js';
import type { Bundle } from './suggestions.presenter.js';

const DECISION_ZH: Record<string, string> = { adopted: '采纳', partly_adopted: '部分采纳', not_adopted: '不予采纳', reference: '留作参考' };
const STATE_ZH: Record<string, string> = {
  proposed: '待研究',
  decided: '已研究',
  merged: '已合并',
  assigned: '已交办待签收',
  objected: '单位有异议',
  signed: '已签收办理中',
  replied: '已答复（持续办理）',
  reopened: '不满意重办',
  closed: '已办结',
};

/** China date of an instant (YYYY-MM-DD), or blank. */
const day = (iso: string | null) => (iso ? new Date(Date.parse(iso) + 8 * 3600_000).toISOString().slice(0, 10) : '');

/** 意见清单: every suggestion with its authors, linked appeals, decision and where it stands. */
export function listSheet(eventTitle: string, bundles: Bundle[]): Sheet {
  return {
    title: `${eventTitle} 意见清单`,
    headers: ['序号', '意见建议', '提出人', '关联诉求', '研究结果', '理由', '状态', '合并至'],
    rows: bundles.map((b) => [
      b.s.seq,
      b.s.text,
      b.authors.map((a) => a.name).join('、'),
      b.appeals.map((a) => a.trackingNo).join('、'),
      b.s.decision ? DECISION_ZH[b.s.decision]! : '',
      b.s.decision_reason ?? '',
      STATE_ZH[b.s.state]!,
      b.s.merged_into ? String(bundles.find((x) => x.s.id === b.s.merged_into)?.s.seq ?? '') : '',
    ]),
  };
}

/** 交办单: the assigned suggestions with their units, deadlines, latest reply and progress. */
export function assignmentSheet(eventTitle: string, bundles: Bundle[]): Sheet {
  return {
    title: `${eventTitle} 意见建议交办单`,
    headers: ['序号', '意见建议', '研究结果', '主办单位', '协办单位', '办理期限（工作日）', '签收期限', '答复期限', '答复等级', '落实进度（%）', '状态'],
    rows: bundles
      .filter((b) => b.s.lead_unit_id !== null)
      .map((b) => [
        b.s.seq,
        b.s.text,
        b.s.decision ? DECISION_ZH[b.s.decision]! : '',
        b.units.filter((u) => u.role === 'lead').map((u) => u.name).join('、'),
        b.units.filter((u) => u.role === 'assisting').map((u) => u.name).join('、'),
        b.s.deadline_days,
        day(b.s.sign_due_at),
        day(b.s.reply_due_at),
        b.s.grade ?? '',
        b.s.progress,
        STATE_ZH[b.s.state]!,
      ]),
  };
}

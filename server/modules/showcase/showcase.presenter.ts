/**
 * What the public sees of a showcase item. The chain's words come from public records only:
 * the staff-written summary, filed topics, announced events, issued suggestions, units' replies
 * and progress; a resident's appeal contributes its category, town and month, never its text.
 */
import type { Lang } from '../../infra/http/errors.js';
import type { PublicSuggestion } from '../suggestions/index.js';
import type { ShowcaseItemTable } from './showcase.table.js';
import type { CHAIN_STEPS } from './showcase.schemas.js';

export type ChainStepKey = (typeof CHAIN_STEPS)[number];
export interface ChainStep {
  step: ChainStepKey;
  title: string;
  text: string | null;
  at: string | null;
  href: string | null;
  photos: string[];
}

export const photoUrl = (itemId: string, photoId: string) => `/api/v1/public/showcase/${itemId}/photos/${photoId}`;
export const photoIdsOf = (item: Pick<ShowcaseItemTable, 'photo_ids'>): string[] => JSON.parse(item.photo_ids) as string[];

/** The town (9-digit code) of a territory code, or null above town level. */
export const townOf = (code: string | null): string | null => (code && code.length >= 9 ? code.slice(0, 9) : null);

export function presentSummary(item: ShowcaseItemTable, names: Map<string, string>) {
  const photos = photoIdsOf(item);
  return {
    id: item.id,
    kind: item.kind,
    title: item.title,
    summary: item.summary,
    townName: item.territory_code ? (names.get(item.territory_code) ?? null) : null,
    publishedAt: item.published_at,
    photo: photos[0] ? photoUrl(item.id, photos[0]) : null,
    href: `/showcase/${item.id}`,
  };
}

export function presentStaffItem(item: ShowcaseItemTable, names: Map<string, string>) {
  return {
    id: item.id,
    kind: item.kind,
    refId: item.ref_id,
    title: item.title,
    summary: item.summary,
    townName: item.territory_code ? (names.get(item.territory_code) ?? null) : null,
    photoIds: photoIdsOf(item),
    publishedBy: item.published_by_label,
    publishedAt: item.published_at,
    unpublishedAt: item.unpublished_at,
    published: item.unpublished_at === null,
    version: item.version,
  };
}

/** What the audit trail keeps of an item. */
export const auditView = (i: ShowcaseItemTable) => ({ kind: i.kind, refId: i.ref_id, title: i.title, summary: i.summary, territoryCode: i.territory_code, photoIds: photoIdsOf(i), unpublishedAt: i.unpublished_at });

const L = {
  'zh-CN': {
    decision: { adopted: '采纳', partly_adopted: '部分采纳', not_adopted: '不予采纳', reference: '留作参考' } as Record<string, string>,
    rating: { satisfied: '满意', basically_satisfied: '基本满意', unsatisfied: '不满意' } as Record<string, string>,
    concerns: (n: number) => `${n} 件群众诉求`,
    grade: (g: string) => `${g} 类答复`,
    progress: (p: number) => `落实进度 ${p}%`,
    closed: '已办结',
    answered: '已答复',
    sep: '、',
  },
  en: {
    decision: { adopted: 'Adopted', partly_adopted: 'Partly adopted', not_adopted: 'Not adopted', reference: 'For reference' } as Record<string, string>,
    rating: { satisfied: 'Satisfied', basically_satisfied: 'Basically satisfied', unsatisfied: 'Unsatisfied' } as Record<string, string>,
    concerns: (n: number) => `${n} resident appeal${n === 1 ? '' : 's'}`,
    grade: (g: string) => `Reply graded ${g}`,
    progress: (p: number) => `Implementation ${p}%`,
    closed: 'Closed',
    answered: 'Answered',
    sep: ', ',
  },
} as const;

export const labels = (lang: Lang) => L[lang];

/** One appeal as the chain shows it: category · town · month. */
export interface AppealFact {
  category: string;
  categoryEn: string;
  townName: string | null;
  month: string;
  at: string;
}

export function concernStep(facts: AppealFact[], lang: Lang, summary: string | null, photos: string[]): ChainStep {
  const l = labels(lang);
  const cats = [...new Set(facts.map((f) => (lang === 'en' ? f.categoryEn : f.category)))];
  const lines = facts.map((f) => [lang === 'en' ? f.categoryEn : f.category, f.townName, f.month].filter(Boolean).join(' · '));
  return {
    step: 'concern',
    title: summary !== null ? cats.join(l.sep) || l.concerns(facts.length) : l.concerns(facts.length),
    text: summary !== null ? [summary, ...lines].join('\n') : lines.join('\n') || null,
    at: facts[0]?.at ?? null,
    href: null,
    photos,
  };
}

/** The suggestion, reply, implementation and rating steps from a suggestion's public journey. */
export function suggestionSteps(s: PublicSuggestion, lang: Lang): ChainStep[] {
  const l = labels(lang);
  const steps: ChainStep[] = [];
  const decided = s.journey.find((j) => j.step === 'decide');
  steps.push({
    step: 'suggestion',
    title: s.text,
    text: [s.decision ? l.decision[s.decision] : null, s.decisionReason].filter(Boolean).join(lang === 'en' ? ': ' : '：') || null,
    at: decided?.at ?? s.journey[0]?.at ?? null,
    href: `/suggestions/${s.id}`,
    photos: [],
  });
  const reply = s.replies.at(-1);
  if (reply) {
    const lead = s.units.find((u) => u.role === 'lead')?.name ?? reply.unit;
    steps.push({ step: 'reply', title: `${lead} · ${l.grade(reply.grade)}`, text: reply.text, at: reply.at, href: `/suggestions/${s.id}`, photos: [] });
  }
  if (s.milestones.length || s.progress > 0) {
    steps.push({
      step: 'implementation',
      title: l.progress(s.progress),
      text: s.milestones.map((m) => `${m.onDate} ${m.percent}% ${m.milestone}`).join('\n') || null,
      at: s.milestones.at(-1)?.at ?? reply?.at ?? null,
      href: `/suggestions/${s.id}`,
      photos: [],
    });
  }
  const r = s.feedback.result;
  if (r.satisfied + r.basically_satisfied + r.unsatisfied > 0) {
    const last = s.journey.filter((j) => j.step === 'feedback').at(-1);
    steps.push({
      step: 'rating',
      title: (['satisfied', 'basically_satisfied', 'unsatisfied'] as const).map((k) => `${l.rating[k]} ${r[k]}`).join(' · '),
      text: null,
      at: last?.at ?? null,
      href: null,
      photos: [],
    });
  }
  return steps;
}

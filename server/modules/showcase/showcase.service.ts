import type { Kysely } from 'kysely';
import type { DB } from '../../infra/db/schema.js';
import type { Lang } from '../../infra/http/errors.js';
import { publicSuggestion } from '../suggestions/index.js';
import { concernStep, labels, photoIdsOf, photoUrl, presentSummary, suggestionSteps, townOf, type AppealFact, type ChainStep } from './showcase.presenter.js';
import {
  appealAnsweredAt,
  appealFacts,
  appealIdsOfSuggestion,
  eventOfSuggestion,
  filedTopicsOfEvent,
  listAppealCandidates,
  listSuggestionCandidates,
  photosOfAppeals,
  publicSuggestionsOfAppeal,
  territoryNames,
  unitName,
} from './showcase.repository.js';
import type { ShowcaseItemTable } from './showcase.table.js';

/** The month (YYYY-MM) of an instant in China time. */
export const chinaMonth = (iso: string) => new Date(Date.parse(iso) + 8 * 3600_000).toISOString().slice(0, 7);

async function factsOf(db: Kysely<DB>, ids: string[]): Promise<(AppealFact & { raw: Awaited<ReturnType<typeof appealFacts>>[number] })[]> {
  const rows = await appealFacts(db, ids);
  const names = await territoryNames(db, rows.map((r) => townOf(r.territory_code) ?? ''));
  return rows.map((r) => ({
    category: r.category,
    categoryEn: r.category_en,
    townName: names.get(townOf(r.territory_code) ?? '') ?? null,
    month: chinaMonth(r.created_at),
    at: r.created_at,
    raw: r,
  }));
}

/** The steps of a suggestion's consultation: topic(s), event, then its public journey. */
async function consultationSteps(db: Kysely<DB>, suggestionId: string, lang: Lang): Promise<ChainStep[]> {
  const s = await publicSuggestion(db, suggestionId);
  if (!s) return [];
  const steps: ChainStep[] = [];
  const event = await eventOfSuggestion(db, suggestionId);
  if (event) {
    for (const t of await filedTopicsOfEvent(db, event.id)) {
      steps.push({ step: 'topic', title: t.title, text: t.description, at: t.updated_at, href: `/search?q=${encodeURIComponent(t.title.slice(0, 50))}`, photos: [] });
    }
    steps.push({ step: 'event', title: event.title, text: event.venue_name, at: event.starts_at, href: event.public ? `/events/${event.id}` : null, photos: [] });
  }
  steps.push(...suggestionSteps(s, lang));
  return steps;
}

/** The whole chain of a published item, concern → … → rating, in the request's language. */
export async function buildChain(db: Kysely<DB>, item: ShowcaseItemTable, lang: Lang): Promise<ChainStep[]> {
  const photos = photoIdsOf(item).map((p) => photoUrl(item.id, p));
  if (item.kind === 'consultation') {
    const facts = await factsOf(db, await appealIdsOfSuggestion(db, item.ref_id));
    const chain: ChainStep[] = [];
    chain.push(facts.length ? concernStep(facts, lang, null, photos) : { step: 'concern', title: item.title, text: item.summary, at: null, href: null, photos });
    chain.push(...(await consultationSteps(db, item.ref_id, lang)));
    return chain;
  }
  // A solved appeal: its concern is the staff-written summary with category and town.
  const [fact] = await factsOf(db, [item.ref_id]);
  if (!fact) return [];
  const chain: ChainStep[] = [concernStep([fact], lang, item.summary, photos)];
  const linked = await publicSuggestionsOfAppeal(db, item.ref_id);
  if (linked[0]) chain.push(...(await consultationSteps(db, linked[0], lang)).filter((s) => s.step !== 'rating'));
  const l = labels(lang);
  if (!chain.some((s) => s.step === 'reply')) {
    const unit = await unitName(db, fact.raw.lead_unit_id);
    chain.push({ step: 'reply', title: unit ?? l.answered, text: null, at: await appealAnsweredAt(db, item.ref_id), href: null, photos: [] });
  }
  chain.push({ step: 'implementation', title: l.closed, text: null, at: fact.raw.closed_at, href: null, photos: [] });
  if (fact.raw.rating) chain.push({ step: 'rating', title: l.rating[fact.raw.rating] ?? fact.raw.rating, text: null, at: fact.raw.closed_at, href: null, photos: [] });
  return chain;
}

export async function presentDetail(db: Kysely<DB>, item: ShowcaseItemTable, lang: Lang) {
  const names = await territoryNames(db, [item.territory_code ?? '']);
  return { ...presentSummary(item, names), chain: await buildChain(db, item, lang) };
}

/** What district staff may publish: implemented suggestions and well-rated closed appeals, with their photos. */
export async function candidates(db: Kysely<DB>) {
  const [suggestions, appeals] = await Promise.all([listSuggestionCandidates(db, 100), listAppealCandidates(db, 100)]);
  const names = await territoryNames(db, [...suggestions.map((s) => townOf(s.territory_code) ?? ''), ...appeals.map((a) => townOf(a.territory_code) ?? '')]);
  const links = new Map<string, string[]>();
  for (const s of suggestions) links.set(s.id, await appealIdsOfSuggestion(db, s.id));
  const photos = await photosOfAppeals(db, [...new Set([...[...links.values()].flat(), ...appeals.map((a) => a.id)])]);
  const photosOf = (appealIds: string[]) =>
    photos.filter((p) => appealIds.includes(p.appeal_id as string)).map((p) => ({ id: p.id, appealId: p.appeal_id as string, url: `/api/v1/appeals/${p.appeal_id}/photos/${p.id}`, width: p.width, height: p.height }));
  return {
    suggestions: suggestions.map((s) => ({
      kind: 'consultation' as const,
      refId: s.id,
      text: s.text,
      eventTitle: s.event_title,
      townName: names.get(townOf(s.territory_code) ?? '') ?? null,
      progress: s.progress,
      grade: s.grade,
      updatedAt: s.updated_at,
      photos: photosOf(links.get(s.id) ?? []),
    })),
    appeals: appeals.map((a) => ({
      kind: 'appeal' as const,
      refId: a.id,
      trackingNo: a.tracking_no,
      category: a.category,
      description: a.description,
      townName: names.get(townOf(a.territory_code) ?? '') ?? null,
      rating: a.rating,
      closedAt: a.closed_at,
      photos: photosOf([a.id]),
    })),
  };
}

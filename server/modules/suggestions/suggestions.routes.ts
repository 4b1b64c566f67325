import { registerSuggestionCounts } from '../consultations/index.js';
import { suggestionCountsOfEvent } from './suggestion-counts.js';
import { z } from 'zod';
import { contextOf, type Deps, type ZodApp } from '../../infra/http/app.js';
import type { Actor } from '../../infra/http/access.js';
import { AppError } from '../../infra/http/errors.js';
import { findAccountById } from '../accounts/index.js';
import { assignSuggestion } from './commands/assign-suggestion.js';
import { addSuggestion } from './commands/add-suggestion.js';
import { decideObjection } from './commands/decide-objection.js';
import { decideSuggestionCommand } from './commands/decide-suggestion.js';
import { editSuggestion } from './commands/edit-suggestion.js';
import { giveFeedback } from './commands/give-feedback.js';
import { issueSuggestionList } from './commands/issue-suggestion-list.js';
import { mergeSuggestion } from './commands/merge-suggestion.js';
import { replyToSuggestion } from './commands/reply-to-suggestion.js';
import { reportProgress } from './commands/report-progress.js';
import { respondToAssignment } from './commands/respond-to-assignment.js';
import { attachment, toCsv, toXlsx } from './suggestion-exports.js';
import { rollUp } from './suggestion-rollups.js';
import { assignmentSheet, listSheet } from './suggestion-sheets.js';
import { unitsOf } from './suggestions.policy.js';
import { isOverdue, presentPublicSuggestion, presentSuggestion, presentSummary, rollupInputOf, type Bundle } from './suggestions.presenter.js';
import {
  consultationIdsOfCampaign,
  consultationIdsOfTopic,
  findSuggestion,
  listForUnits,
  listInStates,
  listRelatedTo,
  listSuggestionsOf,
} from './suggestions.repository.js';
import {
  assignBody,
  decisionBody,
  editSuggestionBody,
  eventSuggestionsSchema,
  exportQuery,
  feedbackBody,
  issueBody,
  issuedSchema,
  mergeBody,
  newSuggestionBody,
  objectionBody,
  progressBody,
  publicEventSchema,
  publicRollupSchema,
  publicSuggestionSchema,
  queueQuery,
  replyBody,
  respondBody,
  suggestionListSchema,
  suggestionSchema,
} from './suggestions.schemas.js';
import { eventScope, loadBundles, loadSuggestion, managedEvent } from './suggestions.service.js';

/** Items still on a unit's desk, for its clerk's page. */
const UNIT_OPEN = ['assigned', 'objected', 'signed', 'replied', 'reopened', 'closed'] as const;

export function suggestionsRoutes(app: ZodApp, { database, calendar }: Deps) {
  // Events' evaluations count their suggestions through this module.
  registerSuggestionCounts(suggestionCountsOfEvent);
  const { db } = database;
  const tags = ['suggestions'];
  const idParams = z.object({ id: z.string().uuid() });

  /** One suggestion as this person may see it. */
  const full = async (id: string, actor: Actor | null) => {
    const loaded = await loadSuggestion(db, actor, id);
    const [bundle] = await loadBundles(db, [loaded.suggestion]);
    return presentSuggestion(bundle!, actor, loaded.relation);
  };

  /** An event's suggestions for someone who manages it. */
  const eventList = async (consultationId: string, actor: Actor | null) => {
    const event = await managedEvent(db, actor, consultationId);
    const bundles = await loadBundles(db, await listSuggestionsOf(db, [consultationId]));
    const mine = new Set(unitsOf(actor));
    return {
      event,
      bundles,
      items: bundles.map((b) =>
        presentSuggestion(b, actor, {
          manager: true,
          leadUnit: b.units.some((u) => u.role === 'lead' && mine.has(u.unitId)),
          anyUnit: b.units.some((u) => mine.has(u.unitId)),
          author: !!actor && b.authors.some((a) => a.account_id === actor.id),
          resident: false,
        }),
      ),
    };
  };

  const summaries = async (rows: Awaited<ReturnType<typeof listSuggestionsOf>>) => ({ items: (await loadBundles(db, rows)).map(presentSummary) });

  app.get(
    '/consultations/:id/suggestions',
    {
      config: { access: 'suggestions:manage' },
      schema: { tags, summary: 'An event’s suggestion list (意见清单) with each item’s record and the event’s roll-up', params: idParams, response: { 200: eventSuggestionsSchema } },
    },
    async (req) => {
      const { event, bundles, items } = await eventList(req.params.id, req.actor);
      return { consultationId: req.params.id, title: event.title, items, rollup: rollUp(bundles.map(rollupInputOf)) };
    },
  );

  app.post(
    '/consultations/:id/suggestions',
    {
      config: { access: 'suggestions:manage' },
      schema: { tags, summary: 'Add a suggestion to an event’s list, with its authors and linked appeals', params: idParams, body: newSuggestionBody, response: { 201: suggestionSchema } },
    },
    async (req, reply) => {
      const s = await addSuggestion(db, contextOf(req), req.actor as Actor, req.params.id, req.body);
      return reply.status(201).send(await full(s.id, req.actor));
    },
  );

  app.post(
    '/consultations/:id/suggestion-list',
    {
      config: { access: 'suggestions:manage' },
      schema: { tags, summary: 'Compile and issue the suggestion list: a suggestion_list artefact on the event; its items become public', params: idParams, body: issueBody, response: { 201: issuedSchema } },
    },
    async (req, reply) => reply.status(201).send(await issueSuggestionList(db, contextOf(req), req.actor as Actor, req.params.id, req.body)),
  );

  app.get(
    '/consultations/:id/suggestions/export',
    {
      config: { access: 'suggestions:manage' },
      schema: { tags, summary: 'The suggestion list or the assignment sheet as XLSX or CSV (UTF-8 with BOM)', params: idParams, querystring: exportQuery, response: { 200: z.string() } },
    },
    async (req, reply) => {
      const { event, bundles } = await eventList(req.params.id, req.actor);
      const sheet = req.query.sheet === 'list' ? listSheet(event.title, bundles) : assignmentSheet(event.title, bundles);
      const base = req.query.sheet === 'list' ? '意见清单' : '交办单';
      const ascii = req.query.sheet === 'list' ? 'suggestion-list' : 'assignment-sheet';
      reply.header('content-disposition', attachment(`${event.title}-${base}.${req.query.format}`, `${ascii}.${req.query.format}`));
      if (req.query.format === 'csv') return reply.type('text/csv; charset=utf-8').send(toCsv(sheet));
      return reply.type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet').send((await toXlsx(sheet)) as unknown as string);
    },
  );

  app.get(
    '/suggestions/mine',
    {
      config: { access: 'suggestions:read' },
      schema: { tags, summary: 'Suggestions the caller raised or whose linked appeal they filed: what came of them', response: { 200: suggestionListSchema } },
    },
    async (req) => {
      const actor = req.actor as Actor;
      const phone = actor.permissions.has('suggestions:feedback') ? ((await findAccountById(db, actor.id))?.phone ?? null) : null;
      return summaries(await listRelatedTo(db, actor.id, phone));
    },
  );

  app.get(
    '/suggestions/assigned',
    {
      config: { access: 'suggestions:handle' },
      schema: { tags, summary: 'Suggestions assigned to the caller’s units, the nearest reply deadline first', response: { 200: suggestionListSchema } },
    },
    async (req) => summaries(await listForUnits(db, unitsOf(req.actor), [...UNIT_OPEN])),
  );

  app.get(
    '/suggestions/queue',
    {
      config: { access: 'suggestions:assign' },
      schema: { tags, summary: 'The district’s desk: adopted suggestions to assign, objections to decide, overdue items', querystring: queueQuery, response: { 200: suggestionListSchema } },
    },
    async (req) => {
      const kind = req.query.kind;
      if (kind === 'objections') return summaries(await listInStates(db, ['objected']));
      if (kind === 'overdue') return summaries((await listInStates(db, ['assigned', 'signed', 'reopened'], 2000)).filter((s) => isOverdue(s)));
      return summaries((await listInStates(db, ['decided'])).filter((s) => s.decision === 'adopted' || s.decision === 'partly_adopted'));
    },
  );

  app.get(
    '/suggestions/:id',
    {
      config: { access: 'suggestions:read' },
      schema: { tags, summary: 'One suggestion with its journey and the actions open to the caller', params: idParams, response: { 200: suggestionSchema } },
    },
    async (req) => full(req.params.id, req.actor),
  );

  app.patch(
    '/suggestions/:id',
    {
      config: { access: 'suggestions:manage' },
      schema: { tags, summary: 'Revise a suggestion’s text, authors or linked appeals before it is assigned', params: idParams, body: editSuggestionBody, response: { 200: suggestionSchema } },
    },
    async (req) => {
      await editSuggestion(db, contextOf(req), req.actor as Actor, req.params.id, req.body);
      return full(req.params.id, req.actor);
    },
  );

  app.post(
    '/suggestions/:id/merge',
    {
      config: { access: 'suggestions:manage' },
      schema: { tags, summary: 'Merge a duplicate into another suggestion of the event (authors and appeals move to the survivor)', params: idParams, body: mergeBody, response: { 200: suggestionSchema } },
    },
    async (req) => {
      await mergeSuggestion(db, contextOf(req), req.actor as Actor, req.params.id, req.body);
      return full(req.params.id, req.actor);
    },
  );

  app.post(
    '/suggestions/:id/decision',
    {
      config: { access: 'suggestions:manage' },
      schema: { tags, summary: 'Decide: adopted, partly adopted, not adopted (with a reason) or for reference', params: idParams, body: decisionBody, response: { 200: suggestionSchema } },
    },
    async (req) => {
      await decideSuggestionCommand(db, contextOf(req), req.actor as Actor, req.params.id, req.body);
      return full(req.params.id, req.actor);
    },
  );

  app.post(
    '/suggestions/:id/assignment',
    {
      config: { access: 'suggestions:assign' },
      schema: { tags, summary: 'Assign (交办) to a lead unit and assisting units with a deadline in working days', params: idParams, body: assignBody, response: { 200: suggestionSchema } },
    },
    async (req) => {
      await assignSuggestion(db, contextOf(req), req.actor as Actor, await calendar.get(), req.params.id, req.body);
      return full(req.params.id, req.actor);
    },
  );

  app.post(
    '/suggestions/:id/response',
    {
      config: { access: 'suggestions:handle' },
      schema: { tags, summary: 'The lead unit signs the assignment or objects to it (with a reason, before the sign deadline)', params: idParams, body: respondBody, response: { 200: suggestionSchema } },
    },
    async (req) => {
      await respondToAssignment(db, contextOf(req), req.actor as Actor, req.params.id, req.body);
      return full(req.params.id, req.actor);
    },
  );

  app.post(
    '/suggestions/:id/objection-decision',
    {
      config: { access: 'suggestions:assign' },
      schema: { tags, summary: 'The district upholds the assignment or reassigns to another unit', params: idParams, body: objectionBody, response: { 200: suggestionSchema } },
    },
    async (req) => {
      await decideObjection(db, contextOf(req), req.actor as Actor, await calendar.get(), req.params.id, req.body);
      return full(req.params.id, req.actor);
    },
  );

  app.post(
    '/suggestions/:id/replies',
    {
      config: { access: 'suggestions:handle' },
      schema: { tags, summary: 'The lead unit’s item reply, graded A (solved) · B (in progress) · C (later) · D (for reference)', params: idParams, body: replyBody, response: { 200: suggestionSchema } },
    },
    async (req) => {
      await replyToSuggestion(db, contextOf(req), req.actor as Actor, req.params.id, req.body);
      return full(req.params.id, req.actor);
    },
  );

  app.post(
    '/suggestions/:id/progress',
    {
      config: { access: 'suggestions:handle' },
      schema: { tags, summary: 'Implementation progress: a percentage and a dated milestone', params: idParams, body: progressBody, response: { 200: suggestionSchema } },
    },
    async (req) => {
      await reportProgress(db, contextOf(req), req.actor as Actor, req.params.id, req.body);
      return full(req.params.id, req.actor);
    },
  );

  app.post(
    '/suggestions/:id/feedback',
    {
      config: { access: 'suggestions:feedback' },
      schema: { tags, summary: 'A proposer or resident rates the reply and the result; 不满意 sends it back to the unit', params: idParams, body: feedbackBody, response: { 200: suggestionSchema } },
    },
    async (req) => {
      await giveFeedback(db, contextOf(req), req.actor as Actor, await calendar.get(), req.params.id, req.body);
      return full(req.params.id, req.actor);
    },
  );

  /** Issued, unmerged suggestions are public. */
  const publicBundles = async (consultationIds: string[]): Promise<Bundle[]> =>
    loadBundles(db, (await listSuggestionsOf(db, consultationIds)).filter((s) => s.issued_at !== null && s.state !== 'merged'));

  app.get(
    '/public/suggestions/:id',
    {
      config: { access: 'public' },
      schema: { tags, summary: 'A suggestion’s public journey from the meeting to the result (no personal data)', params: idParams, response: { 200: publicSuggestionSchema } },
    },
    async (req) => {
      const s = await findSuggestion(db, req.params.id);
      if (!s || s.issued_at === null || s.state === 'merged') throw new AppError('NOT_FOUND');
      const [bundle] = await loadBundles(db, [s]);
      return presentPublicSuggestion(bundle!);
    },
  );

  app.get(
    '/public/consultations/:id/suggestions',
    {
      config: { access: 'public' },
      schema: { tags, summary: 'An event’s public results: its issued suggestions and their roll-up', params: idParams, response: { 200: publicEventSchema } },
    },
    async (req) => {
      const scope = await eventScope(db, req.params.id);
      const bundles = await publicBundles([req.params.id]);
      return {
        event: { id: scope.consultation.id, title: scope.title, startsAt: scope.startsAt },
        items: bundles.map(presentPublicSuggestion),
        rollup: rollUp(bundles.map(rollupInputOf)),
      };
    },
  );

  app.get(
    '/public/topics/:id/suggestion-rollup',
    {
      config: { access: 'public' },
      schema: { tags, summary: 'Roll-up of the issued suggestions of every event that consulted on a topic', params: idParams, response: { 200: publicRollupSchema } },
    },
    async (req) => {
      const ids = await consultationIdsOfTopic(db, req.params.id);
      return { events: ids.length, rollup: rollUp((await publicBundles(ids)).map(rollupInputOf)) };
    },
  );

  app.get(
    '/public/campaigns/:id/suggestion-rollup',
    {
      config: { access: 'public' },
      schema: { tags, summary: 'Roll-up of the issued suggestions of a campaign’s events', params: idParams, response: { 200: publicRollupSchema } },
    },
    async (req) => {
      const ids = await consultationIdsOfCampaign(db, req.params.id);
      return { events: ids.length, rollup: rollUp((await publicBundles(ids)).map(rollupInputOf)) };
    },
  );
}

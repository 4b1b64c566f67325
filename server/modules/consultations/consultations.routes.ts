import { z } from 'zod';
import { contextOf, type Deps, type ZodApp } from '../../infra/http/app.js';
import type { Actor } from '../../infra/http/access.js';
import { paging } from '../../infra/http/fields.js';
import { findTopic } from '../topics/index.js';
import { findVenue, listVenuesByIds } from '../venues/index.js';
import { addArtefact } from './commands/add-artefact.js';
import { createConsultation } from './commands/create-consultation.js';
import { decideConsultationAction } from './commands/decide-consultation.js';
import { addAttendee, signIn } from './commands/record-attendance.js';
import { createCampaign, updateCampaignDetails } from './commands/save-campaign.js';
import { createTemplate, updateTemplateDetails } from './commands/save-template.js';
import { reaches } from './consultations.policy.js';
import {
  presentCampaign,
  presentConsultation,
  presentConsultationSummary,
  presentKindsOf,
  presentPublicConsultation,
  presentTemplate,
} from './consultations.presenter.js';
import {
  artefactKindsOf,
  attendeeCounts,
  eventCountsByCampaign,
  listArtefacts,
  listAttendees,
  listCampaigns,
  listConsultations,
  listConsultationTopicIds,
  listTemplates,
} from './consultations.repository.js';
import {
  artefactBody,
  attendeeBody,
  campaignBody,
  campaignListSchema,
  campaignPatchBody,
  campaignSchema,
  consultationActionBody,
  consultationListQuery,
  consultationListSchema,
  consultationSchema,
  idParams,
  newConsultationBody,
  publicConsultationSchema,
  signInBody,
  signInResultSchema,
  templateBody,
  templatePatchBody,
  templateSchema,
} from './consultations.schemas.js';
import { consultationNotFound, getCampaign, getConsultation, reachOf, tokenMatches } from './consultations.service.js';
import type { ConsultationTable } from './consultations.table.js';
import { suggestionCountsOf } from './suggestion-counts.js';

/** 协商活动: campaigns, procedure templates, events with their documents and attendance, public pages and QR sign-in. */
export function consultationsRoutes(app: ZodApp, { database, config }: Deps) {
  const { db } = database;
  const tags = ['consultations'];
  const actorOf = (req: { actor: Actor | null }) => req.actor as Actor;

  async function venueNames(rows: ConsultationTable[]): Promise<Map<string, string>> {
    const ids = [...new Set(rows.map((r) => r.venue_id).filter((id): id is string => id !== null))];
    return new Map((await listVenuesByIds(db, ids)).map((v) => [v.id, v.name]));
  }

  async function summaries(rows: ConsultationTable[]) {
    const ids = rows.map((r) => r.id);
    const [names, kinds, counts] = await Promise.all([venueNames(rows), artefactKindsOf(db, ids), attendeeCounts(db, ids)]);
    return rows.map((r) => {
      const n = counts.get(r.id) ?? 0;
      return presentConsultationSummary(r, r.venue_id ? (names.get(r.venue_id) ?? null) : null, presentKindsOf(kinds.get(r.id) ?? [], n), n);
    });
  }

  async function full(id: string, actor: Actor | null) {
    const c = await getConsultation(db, id);
    const [names, topicIds, artefacts, attendees, reach, suggestions] = await Promise.all([
      venueNames([c]),
      listConsultationTopicIds(db, id),
      listArtefacts(db, id),
      listAttendees(db, id),
      reachOf(db, actor),
      suggestionCountsOf(db, id),
    ]);
    const topics = (await Promise.all(topicIds.map((t) => findTopic(db, t)))).filter((t) => t !== undefined).map((t) => ({ id: t.id, title: t.title }));
    return presentConsultation(c, {
      venueName: c.venue_id ? (names.get(c.venue_id) ?? null) : null,
      topics,
      artefacts,
      attendees,
      ...(suggestions ? { suggestions } : {}),
      manager: actor?.permissions.has('consultations:manage') === true && reaches(reach, c),
    });
  }

  async function campaignOut(id: string) {
    const c = await getCampaign(db, id);
    return presentCampaign(c, (await eventCountsByCampaign(db, [id])).get(id) ?? 0);
  }

  app.get(
    '/campaigns',
    { config: { access: 'consultations:read' }, schema: { tags, summary: 'Campaigns (协商议事月), latest first, with their event counts', querystring: z.object(paging), response: { 200: campaignListSchema } } },
    async (req) => {
      const { limit, offset } = req.query;
      const { rows, total } = await listCampaigns(db, limit, offset);
      const counts = await eventCountsByCampaign(db, rows.map((r) => r.id));
      return { items: rows.map((r) => presentCampaign(r, counts.get(r.id) ?? 0)), page: { limit, offset, total } };
    },
  );

  app.post(
    '/campaigns',
    { config: { access: 'campaigns:manage' }, schema: { tags, summary: 'Open a campaign: theme, dates, targets', body: campaignBody, response: { 201: campaignSchema } } },
    async (req, reply) => reply.status(201).send(await campaignOut((await createCampaign(db, contextOf(req), req.body)).id)),
  );

  app.get(
    '/campaigns/:id',
    { config: { access: 'consultations:read' }, schema: { tags, summary: 'A campaign', params: idParams, response: { 200: campaignSchema } } },
    async (req) => campaignOut(req.params.id),
  );

  app.patch(
    '/campaigns/:id',
    { config: { access: 'campaigns:manage' }, schema: { tags, summary: 'Edit a campaign; stale version → VERSION_CONFLICT', params: idParams, body: campaignPatchBody, response: { 200: campaignSchema } } },
    async (req) => {
      await updateCampaignDetails(db, contextOf(req), req.params.id, req.body);
      return campaignOut(req.params.id);
    },
  );

  app.get(
    '/procedure-templates',
    { config: { access: 'consultations:read' }, schema: { tags, summary: 'Procedure templates (规程) and the documents each step requires', response: { 200: z.object({ items: z.array(templateSchema) }) } } },
    async () => ({ items: (await listTemplates(db)).map(presentTemplate) }),
  );

  app.post(
    '/procedure-templates',
    { config: { access: 'consultations:templates' }, schema: { tags, summary: 'A new procedure template', body: templateBody, response: { 201: templateSchema } } },
    async (req, reply) => reply.status(201).send(presentTemplate(await createTemplate(db, contextOf(req), req.body))),
  );

  app.patch(
    '/procedure-templates/:id',
    {
      config: { access: 'consultations:templates' },
      schema: { tags, summary: 'Edit a template (events already planned keep their steps); stale version → VERSION_CONFLICT', params: idParams, body: templatePatchBody, response: { 200: templateSchema } },
    },
    async (req) => presentTemplate(await updateTemplateDetails(db, contextOf(req), req.params.id, req.body)),
  );

  app.get(
    '/consultations',
    {
      config: { access: 'consultations:read' },
      schema: { tags, summary: 'Events by campaign, venue and state, each with its current step and missing documents; mine=true: those the caller runs', querystring: consultationListQuery, response: { 200: consultationListSchema } },
    },
    async (req) => {
      const { limit, offset, mine, ...filters } = req.query;
      const reach = mine === 'true' ? await reachOf(db, req.actor) : 'all';
      const { rows, total } = await listConsultations(db, { ...filters, ...(reach === 'all' ? {} : { reach }) }, limit, offset);
      return { items: await summaries(rows), page: { limit, offset, total } };
    },
  );

  app.post(
    '/consultations',
    { config: { access: 'consultations:manage' }, schema: { tags, summary: 'Plan an event on filed topics at a venue (or online); it copies the template’s steps', body: newConsultationBody, response: { 201: consultationSchema } } },
    async (req, reply) => reply.status(201).send(await full((await createConsultation(db, contextOf(req), actorOf(req), req.body)).id, req.actor)),
  );

  app.get(
    '/consultations/:id',
    { config: { access: 'consultations:read' }, schema: { tags, summary: 'An event: steps, documents, attendance, evaluation, and what the caller may do', params: idParams, response: { 200: consultationSchema } } },
    async (req) => full(req.params.id, req.actor),
  );

  app.post(
    '/consultations/:id/artefacts',
    { config: { access: 'consultations:manage' }, schema: { tags, summary: 'Add a document: agenda, invitations, announcement, minutes, photos, research report', params: idParams, body: artefactBody, response: { 201: consultationSchema } } },
    async (req, reply) => {
      await addArtefact(db, contextOf(req), actorOf(req), req.params.id, req.body);
      return reply.status(201).send(await full(req.params.id, req.actor));
    },
  );

  app.post(
    '/consultations/:id/attendees',
    { config: { access: 'consultations:manage' }, schema: { tags, summary: 'Staff sign someone in (a member by account, others by name)', params: idParams, body: attendeeBody, response: { 201: consultationSchema } } },
    async (req, reply) => {
      await addAttendee(db, contextOf(req), actorOf(req), req.params.id, req.body);
      return reply.status(201).send(await full(req.params.id, req.actor));
    },
  );

  app.post(
    '/consultations/:id/actions',
    {
      config: { access: 'consultations:manage' },
      schema: { tags, summary: 'Advance to the next step (refused with ARTEFACTS_MISSING while documents are missing) or cancel', params: idParams, body: consultationActionBody, response: { 200: consultationSchema } },
    },
    async (req) => {
      await decideConsultationAction(db, contextOf(req), actorOf(req), req.params.id, req.body);
      return full(req.params.id, req.actor);
    },
  );

  app.get(
    '/public/consultations/:id',
    {
      config: { access: 'public', rateLimit: { max: config.publicRatePerMinute, timeWindow: '1 minute' } },
      schema: {
        tags,
        summary: 'An announced event’s public page: title, time, venue, agenda (with the QR token t: also before the announcement)',
        params: idParams,
        querystring: z.object({ t: z.string().max(64).optional() }),
        response: { 200: publicConsultationSchema },
      },
    },
    async (req) => {
      const c = await getConsultation(db, req.params.id);
      const artefacts = await listArtefacts(db, c.id);
      const announced = artefacts.some((a) => a.kind === 'announcement') && c.state !== 'cancelled';
      if (!announced && !(req.query.t && tokenMatches(c, req.query.t))) throw consultationNotFound();
      const venue = c.venue_id ? await findVenue(db, c.venue_id) : undefined;
      return presentPublicConsultation(c, venue ?? null, artefacts);
    },
  );

  app.post(
    '/public/consultations/:id/sign-in',
    {
      config: { access: 'public', rateLimit: { max: 10, timeWindow: '1 minute' } },
      schema: { tags, summary: 'Sign in by the event’s QR code: as the signed-in account, or as a resident with name and phone', params: idParams, body: signInBody, response: { 200: signInResultSchema, 201: signInResultSchema } },
    },
    async (req, reply) => {
      const { attendee, already } = await signIn(db, contextOf(req), req.actor, req.params.id, req.body);
      return reply.status(already ? 200 : 201).send({ name: attendee.name, alreadySignedIn: already });
    },
  );
}

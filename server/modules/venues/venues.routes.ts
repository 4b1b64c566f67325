import { z } from 'zod';
import { contextOf, type Deps, type ZodApp } from '../../infra/http/app.js';
import type { Actor } from '../../infra/http/access.js';
import { AppError } from '../../infra/http/errors.js';
import { addDutyException } from './commands/add-duty-exception.js';
import { assignMember } from './commands/assign-member.js';
import { createDutyRule } from './commands/create-duty-rule.js';
import { createVenue } from './commands/create-venue.js';
import { removeDutyRule } from './commands/delete-duty-rule.js';
import { editMemberProfile } from './commands/edit-member-profile.js';
import { removeDutyException } from './commands/remove-duty-exception.js';
import { setVenueActive } from './commands/set-venue-active.js';
import { setVenueHead } from './commands/set-venue-head.js';
import { unassignMember } from './commands/unassign-member.js';
import { updateDutyRuleDetails } from './commands/update-duty-rule.js';
import { updateVenueDetails } from './commands/update-venue.js';
import { renderCalendar } from './duty-ical.js';
import { addDays, chinaDate } from './roster-recurrence.js';
import { mayManageAt, mayManageRoster } from './venues.policy.js';
import { presentException, presentMember, presentPublicDuty, presentPublicVenue, presentRule, presentVenue } from './venues.presenter.js';
import {
  findDutyRule,
  listDutyExceptions,
  listDutyRules,
  listMemberProfiles,
  listMemberships,
  listPeopleWithRoles,
  listPublicVenues,
  listVenueMembers,
  searchVenues,
} from './venues.repository.js';
import {
  assignBody,
  dutyExceptionBody,
  dutyExceptionSchema,
  dutyListSchema,
  dutyRuleBody,
  dutyRulePatchBody,
  dutyRuleSchema,
  headBody,
  memberListQuery,
  memberParams,
  memberProfileBody,
  memberProfileSchema,
  newVenueBody,
  publicVenueDetailSchema,
  publicVenueSchema,
  ruleParams,
  todayDutySchema,
  venueDetailSchema,
  venueListQuery,
  venueListSchema,
  venueMemberParams,
  venueParams,
  venuePatchBody,
  venueSchema,
  versionBody,
  versionQuery,
  calendarDate,
} from './venues.schemas.js';
import { dutyBetween, getVenue, namesFor, type PresentedSlot } from './venues.service.js';
import type { VenueTable } from './venues.table.js';

const optionalRange = z.object({ from: calendarDate.optional(), to: calendarDate.optional() });
const ICS_TYPE = 'text/calendar; charset=utf-8';
/** How far an exported calendar reaches: a month back, five months ahead. */
const ICS_BACK_DAYS = 31;
const ICS_AHEAD_DAYS = 150;

/** Today in China, and a range defaulting to the next 30 days. */
const today = () => chinaDate(new Date());
const rangeOf = (q: { from?: string; to?: string }) => {
  const from = q.from ?? today();
  return { from, to: q.to ?? addDays(from, 30) };
};

const notPublic = () => new AppError('NOT_FOUND', { zh: '找不到该场所', en: 'No such venue' });

function icsEvents(slots: PresentedSlot[], venues: Map<string, VenueTable>) {
  return slots.map((s) => ({
    uid: `${s.ruleId}-${s.date}@minhu`,
    start: s.start,
    end: s.end,
    summary: `${s.venueName} 值班：${s.member.name}`,
    location: venues.get(s.venueId)?.address,
    ...(s.holiday ? { description: '法定节假日 / public holiday' } : {}),
  }));
}

/** 议事场所: halls, stations and member studios, their members, duty rosters and public pages. */
export function venuesRoutes(app: ZodApp, { database, calendar }: Deps) {
  const { db } = database;
  const tags = ['venues'];
  const actorOf = (req: { actor: Actor | null }) => req.actor as Actor;

  async function detail(venue: VenueTable, actor: Actor | null) {
    const [members, rules] = await Promise.all([listVenueMembers(db, [venue.id]), listDutyRules(db, { venueIds: [venue.id] })]);
    const ids = [...members.map((m) => m.account_id), ...rules.map((r) => r.account_id)];
    const [profiles, exceptions, names] = await Promise.all([
      listMemberProfiles(db, ids),
      listDutyExceptions(db, rules.map((r) => r.id)),
      namesFor(db, [venue], ids),
    ]);
    const profileOf = new Map(profiles.map((p) => [p.account_id, p]));
    return {
      ...presentVenue(venue, names),
      members: members.map((m) => presentMember(m.account_id, profileOf.get(m.account_id), names)),
      rules: rules.map((r) => presentRule(r, exceptions, names)),
      may: { manage: actor?.permissions.has('venues:manage') === true && mayManageAt(actor, venue.territory_code), roster: actor?.permissions.has('venues:roster') === true && mayManageRoster(actor, venue) },
    };
  }
  const presentOne = async (v: VenueTable) => presentVenue(v, await namesFor(db, [v], []));
  const withNames = async (rule: Awaited<ReturnType<typeof findDutyRule>>) => {
    const r = rule as NonNullable<typeof rule>;
    const [exceptions, names] = await Promise.all([listDutyExceptions(db, [r.id]), namesFor(db, [], [r.account_id])]);
    return presentRule(r, exceptions, names);
  };

  app.get(
    '/venues',
    {
      config: { access: 'venues:read' },
      schema: { tags, summary: 'Halls, stations and member studios, by kind, territory subtree and name', querystring: venueListQuery, response: { 200: venueListSchema } },
    },
    async (req) => {
      const { limit, offset, active, territory, ...rest } = req.query;
      const { rows, total } = await searchVenues(db, { ...rest, territoryPrefix: territory, ...(active ? { active: active === 'true' } : {}) }, limit, offset);
      const names = await namesFor(db, rows, []);
      return { items: rows.map((v) => presentVenue(v, names)), page: { limit, offset, total } };
    },
  );

  app.post(
    '/venues',
    {
      config: { access: 'venues:manage' },
      schema: { tags, summary: 'Open a hall (one per town or street), a station or a member studio', body: newVenueBody, response: { 201: venueSchema } },
    },
    async (req, reply) => reply.status(201).send(await presentOne(await createVenue(db, contextOf(req), actorOf(req), req.body))),
  );

  app.get(
    '/venues/:id',
    {
      config: { access: 'venues:read' },
      schema: { tags, summary: 'A venue with its members, duty rules and exceptions, and what the caller may change', params: venueParams, response: { 200: venueDetailSchema } },
    },
    async (req) => detail(await getVenue(db, req.params.id), req.actor),
  );

  app.patch(
    '/venues/:id',
    {
      config: { access: 'venues:manage' },
      schema: { tags, summary: 'Edit a venue (name, territory, address, opening hours, public page); stale version → VERSION_CONFLICT', params: venueParams, body: venuePatchBody, response: { 200: venueSchema } },
    },
    async (req) => presentOne(await updateVenueDetails(db, contextOf(req), actorOf(req), req.params.id, req.body)),
  );

  app.post(
    '/venues/:id/deactivate',
    {
      config: { access: 'venues:manage' },
      schema: { tags, summary: 'Close a venue: it leaves the public pages and the duty board (a closed hall frees its town)', params: venueParams, body: versionBody, response: { 200: venueSchema } },
    },
    async (req) => presentOne(await setVenueActive(db, contextOf(req), actorOf(req), req.params.id, req.body.version, false)),
  );

  app.post(
    '/venues/:id/reactivate',
    {
      config: { access: 'venues:manage' },
      schema: { tags, summary: 'Open a closed venue again (a hall only while its town has no other)', params: venueParams, body: versionBody, response: { 200: venueSchema } },
    },
    async (req) => presentOne(await setVenueActive(db, contextOf(req), actorOf(req), req.params.id, req.body.version, true)),
  );

  app.put(
    '/venues/:id/head',
    {
      config: { access: 'venues:manage' },
      schema: { tags, summary: 'Name the head of a venue (站长; a studio’s member), or nobody', params: venueParams, body: headBody, response: { 200: venueSchema } },
    },
    async (req) => presentOne(await setVenueHead(db, contextOf(req), actorOf(req), req.params.id, req.body.version, req.body.accountId)),
  );

  app.post(
    '/venues/:id/members',
    {
      config: { access: 'venues:manage' },
      schema: { tags, summary: 'Assign a member to the venue (进站)', params: venueParams, body: assignBody, response: { 204: z.null() } },
    },
    async (req, reply) => {
      await assignMember(db, contextOf(req), actorOf(req), req.params.id, req.body.accountId);
      return reply.status(204).send(null);
    },
  );

  app.delete(
    '/venues/:id/members/:accountId',
    {
      config: { access: 'venues:manage' },
      schema: { tags, summary: 'End a member’s assignment (their duty rules here must be deleted first)', params: venueMemberParams, response: { 204: z.null() } },
    },
    async (req, reply) => {
      await unassignMember(db, contextOf(req), actorOf(req), req.params.id, req.params.accountId);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/venues/:id/duty-rules',
    {
      config: { access: 'venues:roster' },
      schema: { tags, summary: 'Add a recurring duty (weekly on weekdays, monthly on days, every N days) for a member serving here', params: venueParams, body: dutyRuleBody, response: { 201: dutyRuleSchema } },
    },
    async (req, reply) => reply.status(201).send(await withNames(await createDutyRule(db, contextOf(req), actorOf(req), req.params.id, req.body))),
  );

  app.patch(
    '/duty-rules/:id',
    {
      config: { access: 'venues:roster' },
      schema: { tags, summary: 'Change a duty rule; stale version → VERSION_CONFLICT', params: ruleParams, body: dutyRulePatchBody, response: { 200: dutyRuleSchema } },
    },
    async (req) => withNames(await updateDutyRuleDetails(db, contextOf(req), actorOf(req), req.params.id, req.body)),
  );

  app.delete(
    '/duty-rules/:id',
    {
      config: { access: 'venues:roster' },
      schema: { tags, summary: 'Delete a duty rule with its exceptions', params: ruleParams, querystring: versionQuery, response: { 204: z.null() } },
    },
    async (req, reply) => {
      await removeDutyRule(db, contextOf(req), actorOf(req), req.params.id, req.query.version);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/duty-rules/:id/exceptions',
    {
      config: { access: 'venues:roster' },
      schema: { tags, summary: 'Cancel or move one occurrence of a rule, or add a one-off duty', params: ruleParams, body: dutyExceptionBody, response: { 201: dutyExceptionSchema } },
    },
    async (req, reply) => reply.status(201).send(presentException(await addDutyException(db, contextOf(req), actorOf(req), req.params.id, req.body))),
  );

  app.delete(
    '/duty-exceptions/:id',
    {
      config: { access: 'venues:roster' },
      schema: { tags, summary: 'Withdraw a cancellation, move or one-off duty', params: ruleParams, response: { 204: z.null() } },
    },
    async (req, reply) => {
      await removeDutyException(db, contextOf(req), actorOf(req), req.params.id);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/venues/:id/duty',
    {
      config: { access: 'venues:read' },
      schema: { tags, summary: 'Duty slots of a venue between two China dates (default: the next 30 days; at most 366 days)', params: venueParams, querystring: optionalRange, response: { 200: dutyListSchema } },
    },
    async (req) => {
      const { from, to } = rangeOf(req.query);
      const venue = await getVenue(db, req.params.id);
      return { from, to, items: (await dutyBetween(db, calendar, { venues: [venue] }, from, to)).slots };
    },
  );

  app.get(
    '/venues/:id/duty.ics',
    {
      config: { access: 'public' },
      schema: { tags, summary: 'A public venue’s duty roster as iCalendar (a month back, five months ahead; names only)', params: venueParams, response: { 200: z.string() } },
    },
    async (req, reply) => {
      const venue = await getVenue(db, req.params.id);
      if (venue.public !== 1 || venue.active !== 1) throw notPublic();
      const from = addDays(today(), -ICS_BACK_DAYS);
      const { slots, venues } = await dutyBetween(db, calendar, { venues: [venue] }, from, addDays(from, ICS_BACK_DAYS + ICS_AHEAD_DAYS));
      return reply.type(ICS_TYPE).header('content-disposition', 'attachment; filename="duty.ics"').send(renderCalendar(`${venue.name} 值班表`, icsEvents(slots, venues)));
    },
  );

  app.get(
    '/members',
    {
      config: { access: 'venues:read' },
      schema: {
        tags,
        summary: 'Members (政协委员) with term, sector, committee and the venues they serve; role=head lists who may head a venue',
        querystring: memberListQuery,
        response: { 200: z.object({ items: z.array(memberProfileSchema) }) },
      },
    },
    async (req) => {
      const roles = req.query.role === 'head' ? ['station_head', 'member', 'town_official', 'district_staff'] : ['member'];
      const people = await listPeopleWithRoles(db, roles, req.query.q);
      const memberships = await listMemberships(db, people.map((p) => p.id));
      return {
        items: people.map((p) => ({
          accountId: p.id,
          name: p.display_name,
          term: p.term ?? null,
          sector: p.sector ?? null,
          committee: p.committee ?? null,
          venues: memberships.filter((m) => m.account_id === p.id).map((m) => ({ id: m.id, name: m.name, kind: m.kind })),
          version: p.version ?? null,
        })),
      };
    },
  );

  app.put(
    '/members/:accountId',
    {
      config: { access: 'members:manage' },
      schema: { tags, summary: 'Record or edit a member’s term (届), sector (界别) and committee; version null for a new profile', params: memberParams, body: memberProfileBody, response: { 200: memberProfileSchema } },
    },
    async (req) => {
      const p = await editMemberProfile(db, contextOf(req), req.params.accountId, req.body);
      const [names, memberships] = await Promise.all([namesFor(db, [], [p.account_id]), listMemberships(db, [p.account_id])]);
      return { ...presentMember(p.account_id, p, names), venues: memberships.map((m) => ({ id: m.id, name: m.name, kind: m.kind })), version: p.version };
    },
  );

  app.get(
    '/me/duty',
    {
      config: { access: 'duty:own' },
      schema: { tags, summary: 'The caller’s own duty schedule at every venue (default: the next 30 days)', querystring: optionalRange, response: { 200: dutyListSchema } },
    },
    async (req) => {
      const { from, to } = rangeOf(req.query);
      return { from, to, items: (await dutyBetween(db, calendar, { accountId: actorOf(req).id }, from, to)).slots };
    },
  );

  app.get(
    '/me/duty.ics',
    {
      config: { access: 'duty:own' },
      schema: { tags, summary: 'The caller’s own duty schedule as iCalendar (a month back, five months ahead)', response: { 200: z.string() } },
    },
    async (req, reply) => {
      const from = addDays(today(), -ICS_BACK_DAYS);
      const { slots, venues } = await dutyBetween(db, calendar, { accountId: actorOf(req).id }, from, addDays(from, ICS_BACK_DAYS + ICS_AHEAD_DAYS));
      return reply.type(ICS_TYPE).header('content-disposition', 'attachment; filename="my-duty.ics"').send(renderCalendar('我的值班', icsEvents(slots, venues)));
    },
  );

  app.get(
    '/duty/today',
    {
      config: { access: 'public' },
      schema: { tags, summary: 'Who is on duty today (China date) at each public venue: names and times only', response: { 200: todayDutySchema } },
    },
    async () => {
      const date = today();
      const venues = await listPublicVenues(db);
      const [{ slots }, names] = await Promise.all([dutyBetween(db, calendar, { venues }, date, date), namesFor(db, venues, [])]);
      return {
        date,
        items: venues
          .map((v) => {
            const { id, kind, name, territoryName } = presentPublicVenue(v, names);
            return { venue: { id, kind, name, territoryName }, duty: slots.filter((s) => s.venueId === v.id).map(presentPublicDuty) };
          })
          .filter((i) => i.duty.length > 0),
      };
    },
  );

  app.get(
    '/public/venues',
    {
      config: { access: 'public' },
      schema: { tags, summary: 'Public venues: halls, stations and studios with address and opening hours', querystring: z.object({ kind: venueListQuery.shape.kind }), response: { 200: z.object({ items: z.array(publicVenueSchema) }) } },
    },
    async (req) => {
      const venues = (await listPublicVenues(db)).filter((v) => !req.query.kind || v.kind === req.query.kind);
      const names = await namesFor(db, venues, []);
      return { items: venues.map((v) => presentPublicVenue(v, names)) };
    },
  );

  app.get(
    '/public/venues/:id',
    {
      config: { access: 'public' },
      schema: { tags, summary: 'A public venue page: address, opening hours, members serving, today’s duty (names only)', params: venueParams, response: { 200: publicVenueDetailSchema } },
    },
    async (req) => {
      const venue = await getVenue(db, req.params.id);
      if (venue.public !== 1 || venue.active !== 1) throw notPublic();
      const date = today();
      const members = await listVenueMembers(db, [venue.id]);
      const ids = members.map((m) => m.account_id);
      const [profiles, names, { slots }] = await Promise.all([listMemberProfiles(db, ids), namesFor(db, [venue], ids), dutyBetween(db, calendar, { venues: [venue] }, date, date)]);
      const sector = new Map(profiles.map((p) => [p.account_id, p.sector]));
      return {
        ...presentPublicVenue(venue, names),
        head: venue.head_account_id ? (names.people.get(venue.head_account_id) ?? null) : null,
        members: ids.map((id) => ({ name: names.people.get(id) ?? '', sector: sector.get(id) ?? null })),
        today: { date, duty: slots.map(presentPublicDuty) },
      };
    },
  );

}

import { z } from 'zod';
import { isoDate, msg, pageSchema, paging, text } from '../../infra/http/fields.js';
import { CONSULTATION_ACTIONS } from './consultation.workflow.js';
import { ARTEFACT_KINDS, ATTENDEE_KINDS, CONSULTATION_MODES, CONSULTATION_STATES } from './consultations.table.js';

const version = z.number().int().min(1);
const territoryCode = z.string().regex(/^\d{6}$|^\d{9}$|^\d{12}$/, msg('请选择区县、镇街或村社区', 'choose a district, town/street or village/community'));
const instant = z.string().datetime({ offset: true, message: msg('时间格式应为 ISO 8601', 'must be an ISO 8601 date-time') });
const phone = z.string().regex(/^1\d{10}$/, msg('请输入 11 位手机号码', 'enter an 11-digit mobile number'));

export const idParams = z.object({ id: z.string().uuid() });
export const versionBody = z.object({ version }).strict();

// Campaigns (协商议事月).
export const campaignBody = z
  .object({
    title: text(100, { min: 2 }),
    theme: text(100),
    description: text(4000, { multiline: true, min: 0 }).default(''),
    territoryCode: territoryCode.nullable().optional(),
    startsOn: isoDate,
    endsOn: isoDate,
    targetEvents: z.number().int().min(0).max(100_000).nullable().optional(),
    targetSuggestions: z.number().int().min(0).max(1_000_000).nullable().optional(),
  })
  .strict();
export const campaignPatchBody = campaignBody.partial().extend({ version }).strict();

export const campaignSchema = z.object({
  id: z.string(),
  title: z.string(),
  theme: z.string(),
  description: z.string(),
  territoryCode: z.string().nullable(),
  startsOn: z.string(),
  endsOn: z.string(),
  targetEvents: z.number().nullable(),
  targetSuggestions: z.number().nullable(),
  events: z.number(),
  updatedAt: z.string(),
  version: z.number(),
});
export const campaignListSchema = z.object({ items: z.array(campaignSchema), page: pageSchema });

// Procedure templates (规程).
const stepSchema = z
  .object({
    key: z.string().regex(/^[a-z][a-z0-9_]{0,31}$/, msg('步骤标识应为小写英文字母、数字和下划线', 'a step key is lower-case letters, digits and underscores')),
    label: text(40),
    requires: z.array(z.enum(ARTEFACT_KINDS)).max(ARTEFACT_KINDS.length),
  })
  .strict();
export const templateBody = z
  .object({
    name: text(64, { min: 2 }),
    description: text(1000, { multiline: true, min: 0 }).default(''),
    steps: z.array(stepSchema).min(1).max(20),
  })
  .strict();
export const templatePatchBody = templateBody.partial().extend({ version, active: z.boolean().optional() }).strict();
export const templateSchema = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  steps: z.array(z.object({ key: z.string(), label: z.string(), requires: z.array(z.enum(ARTEFACT_KINDS)) })),
  active: z.boolean(),
  updatedAt: z.string(),
  version: z.number(),
});

// Events (协商活动).
export const newConsultationBody = z
  .object({
    title: text(100, { min: 4 }),
    summary: text(4000, { multiline: true, min: 0 }).default(''),
    mode: z.enum(CONSULTATION_MODES),
    venueId: z.string().uuid().nullable().optional(),
    territoryCode: territoryCode.nullable().optional(),
    campaignId: z.string().uuid().nullable().optional(),
    templateId: z.string().uuid(),
    topicIds: z.array(z.string().uuid()).min(1, msg('至少选择一个已备案议题', 'choose at least one filed topic')).max(10),
    startsAt: instant,
    endsAt: instant.nullable().optional(),
  })
  .strict();

export const consultationListQuery = z.object({
  campaignId: z.string().uuid().optional(),
  venueId: z.string().uuid().optional(),
  state: z.enum(CONSULTATION_STATES).optional(),
  /** Only the events the caller runs (a station head's "my events"). */
  mine: z.enum(['true', 'false']).optional(),
  ...paging,
});

export const AGENDA_ITEM_KINDS = ['briefing', 'questions', 'answers', 'speech'] as const;
export const INVITEE_KINDS = ['member', 'resident', 'sector_representative', 'unit_representative'] as const;

export const agendaItem = z.object({ kind: z.enum(AGENDA_ITEM_KINDS), title: text(200), speaker: text(64).nullable().optional() }).strict();
export const invitee = z
  .object({
    kind: z.enum(INVITEE_KINDS),
    /** Members: their account. */
    accountId: z.string().uuid().nullable().optional(),
    /** Unit representatives: their unit. */
    unitId: z.string().uuid().nullable().optional(),
    /** Residents and sector representatives: by name; others: filled from the account or unit. */
    name: text(64).nullable().optional(),
    affiliation: text(64).nullable().optional(),
  })
  .strict();

/** The kinds a person adds here; a sign-in list comes from attendance, a suggestion list from the suggestions module. */
export const ADDABLE_KINDS = ['announcement', 'agenda', 'invitations', 'minutes', 'photos', 'research_report'] as const;
export const artefactBody = z
  .object({
    kind: z.enum(ADDABLE_KINDS),
    title: text(100),
    /** Text kinds: the text. */
    body: text(20_000, { multiline: true, min: 0 }).optional(),
    /** Agendas: the items in order. */
    items: z.array(agendaItem).min(1).max(50).optional(),
    /** Invitations: who is invited. */
    invitees: z.array(invitee).min(1).max(200).optional(),
  })
  .strict();

export const attendeeBody = z
  .object({
    roleKind: z.enum(ATTENDEE_KINDS),
    name: text(64).optional(),
    accountId: z.string().uuid().nullable().optional(),
    affiliation: text(64).nullable().optional(),
    phone: phone.nullable().optional(),
    speaker: z.boolean().default(false),
  })
  .strict();

export const signInBody = z
  .object({
    token: z.string().min(16).max(64),
    /** Without a session: the resident's name and phone. */
    name: text(64).optional(),
    phone: phone.optional(),
  })
  .strict();

export const consultationActionBody = z
  .object({ action: z.enum(CONSULTATION_ACTIONS), version, comment: text(2000, { multiline: true }).nullable().optional() })
  .strict();

const stepOut = z.object({ key: z.string(), label: z.string(), requires: z.array(z.enum(ARTEFACT_KINDS)) });

export const consultationSummarySchema = z.object({
  id: z.string(),
  title: z.string(),
  mode: z.enum(CONSULTATION_MODES),
  venueId: z.string().nullable(),
  venueName: z.string().nullable(),
  territoryCode: z.string().nullable(),
  campaignId: z.string().nullable(),
  state: z.enum(CONSULTATION_STATES),
  stepIndex: z.number(),
  currentStep: stepOut.nullable(),
  missing: z.array(z.enum(ARTEFACT_KINDS)),
  attendees: z.number(),
  startsAt: z.string(),
  endsAt: z.string().nullable(),
  organiser: z.string(),
  updatedAt: z.string(),
  version: z.number(),
});
export const consultationListSchema = z.object({ items: z.array(consultationSummarySchema), page: pageSchema });

const artefactOut = z.object({
  id: z.string(),
  kind: z.enum(ARTEFACT_KINDS),
  title: z.string(),
  body: z.string().nullable(),
  items: z.array(z.object({ kind: z.enum(AGENDA_ITEM_KINDS), title: z.string(), speaker: z.string().nullable() })).nullable(),
  invitees: z.array(z.object({ kind: z.enum(INVITEE_KINDS), name: z.string(), affiliation: z.string().nullable(), accountId: z.string().nullable(), unitId: z.string().nullable() })).nullable(),
  createdBy: z.string(),
  createdAt: z.string(),
});

const attendeeOut = z.object({
  id: z.string(),
  roleKind: z.enum(ATTENDEE_KINDS),
  name: z.string(),
  affiliation: z.string().nullable(),
  phone: z.string().nullable(),
  speaker: z.boolean(),
  via: z.enum(['qr', 'staff']),
  createdAt: z.string(),
});

const evaluationOut = z.object({
  attendees: z.number(),
  membersPresent: z.number(),
  residents: z.number(),
  sectorRepresentatives: z.number(),
  unitRepresentatives: z.number(),
  leadersPresent: z.number(),
  speakers: z.number(),
  artefactsRequired: z.number(),
  artefactsPresent: z.number(),
  suggestions: z.number().nullable(),
  adopted: z.number().nullable(),
  adoptionRate: z.number().nullable(),
  implemented: z.number().nullable(),
  implementationRate: z.number().nullable(),
  satisfactionRate: z.number().nullable(),
});

export const consultationSchema = consultationSummarySchema.extend({
  summary: z.string(),
  templateId: z.string(),
  steps: z.array(stepOut),
  topics: z.array(z.object({ id: z.string(), title: z.string() })),
  artefacts: z.array(artefactOut),
  presentKinds: z.array(z.enum(ARTEFACT_KINDS)),
  attendance: z.array(attendeeOut),
  evaluation: evaluationOut,
  allowedActions: z.array(z.enum(CONSULTATION_ACTIONS)),
  /** Set only for those who run the event: the token of the sign-in QR code. */
  signInToken: z.string().nullable(),
  may: z.object({ manage: z.boolean() }),
});

export const publicConsultationSchema = z.object({
  id: z.string(),
  title: z.string(),
  summary: z.string(),
  mode: z.enum(CONSULTATION_MODES),
  state: z.enum(CONSULTATION_STATES),
  venueName: z.string().nullable(),
  venueAddress: z.string().nullable(),
  startsAt: z.string(),
  endsAt: z.string().nullable(),
  announcement: z.object({ title: z.string(), body: z.string() }).nullable(),
  agenda: z.array(z.object({ kind: z.enum(AGENDA_ITEM_KINDS), title: z.string(), speaker: z.string().nullable() })),
  signInOpen: z.boolean(),
});

export const signInResultSchema = z.object({ name: z.string(), alreadySignedIn: z.boolean() });

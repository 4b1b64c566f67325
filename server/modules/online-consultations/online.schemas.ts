import { z } from 'zod';
import { msg, text } from '../../infra/http/fields.js';
import { mobileSchema } from '../verification/index.js';

export const IDENTITIES = ['phone', 'device'] as const;
export const MODERATIONS = ['pre', 'post'] as const;
export const STATES = ['open', 'closed'] as const;
export const STATUSES = ['pending', 'accepted', 'rejected'] as const;
export const DECISIONS = ['accept', 'reject', 'meta'] as const;

/** A statement: one short sentence a participant can agree or disagree with. */
export const statementText = text(140, { min: 2 });

export const idParams = z.object({ id: z.string().uuid() });
export const statementParams = z.object({ id: z.string().uuid(), statementId: z.string().uuid() });
export const participantHeaders = z.object({ 'x-participant-token': z.string().max(200).optional() });

export const createBody = z
  .object({
    consultationId: z.string().uuid().optional(),
    topicId: z.string().uuid().optional(),
    title: text(80, { min: 2 }),
    description: text(1000, { multiline: true }).optional().default(''),
    identity: z.enum(IDENTITIES),
    moderation: z.enum(MODERATIONS),
  })
  .strict()
  .refine((b) => (b.consultationId ? 1 : 0) + (b.topicId ? 1 : 0) === 1, {
    message: msg('须指定一个协商活动或一个议题（二选一）', 'give exactly one of consultationId and topicId'),
    path: ['consultationId'],
  });
export const listQuery = z.object({ consultationId: z.string().uuid().optional() });
export const statementBody = z.object({ text: statementText }).strict();
export const moderationBody = z.object({ decision: z.enum(DECISIONS) }).strict();

export const deviceId = z.string().regex(/^[A-Za-z0-9_-]{16,64}$/, msg('设备标识应为 16–64 位字母、数字、- 或 _', 'a device id of 16–64 letters, digits, - or _'));
export const joinBody = z.union([z.object({ deviceId }).strict(), z.object({ phone: mobileSchema, code: z.string().regex(/^\d{6}$/, msg('验证码为 6 位数字', 'a 6-digit code')) }).strict()]);
export const voteBody = z.object({ statementId: z.string().uuid(), vote: z.union([z.literal(1), z.literal(-1), z.literal(0)]) }).strict();

const ref = z.object({ id: z.string(), title: z.string() }).nullable();
export const summarySchema = z.object({
  id: z.string(),
  title: z.string(),
  state: z.enum(STATES),
  eventId: z.string().nullable(),
  topicId: z.string().nullable(),
  participants: z.number(),
  statements: z.number(),
});
export const publicListSchema = z.object({ items: z.array(summarySchema) });
export const publicDetailSchema = z.object({
  id: z.string(),
  title: z.string(),
  description: z.string(),
  identity: z.enum(IDENTITIES),
  moderation: z.enum(MODERATIONS),
  state: z.enum(STATES),
  participants: z.number(),
  statements: z.number(),
  votes: z.number(),
  event: ref,
  topic: ref,
});
export const organiserStatementSchema = z.object({
  id: z.string(),
  seq: z.number(),
  text: z.string(),
  origin: z.enum(['seed', 'participant']),
  status: z.enum(STATUSES),
  meta: z.boolean(),
  votes: z.number(),
  agree: z.number(),
  disagree: z.number(),
  pass: z.number(),
  suggestionId: z.string().nullable(),
  createdAt: z.string(),
});
export const organiserSummarySchema = publicDetailSchema.extend({ eventId: z.string().nullable(), topicId: z.string().nullable(), createdAt: z.string(), closedAt: z.string().nullable(), version: z.number() });
export const organiserListSchema = z.object({ items: z.array(organiserSummarySchema) });
export const organiserDetailSchema = organiserSummarySchema.extend({ statements: z.array(organiserStatementSchema), pendingCount: z.number() });

export const joinSchema = z.object({ participantToken: z.string() });
export const nextSchema = z.object({ statement: z.object({ id: z.string(), seq: z.number(), text: z.string() }).nullable(), voted: z.number(), remaining: z.number() });
export const voteSchema = z.object({ statementId: z.string(), vote: z.number() });
export const addedStatementSchema = z.object({ id: z.string(), status: z.enum(STATUSES) });
export const promoteSchema = z.object({ suggestionId: z.string() });

const percentRow = z.object({ statementId: z.string(), seq: z.number(), text: z.string(), votes: z.number() });
export const mapSchema = z.object({
  version: z.number(),
  computedAt: z.string().nullable(),
  participants: z.number(),
  grouped: z.number(),
  votes: z.number(),
  groups: z.array(
    z.object({
      id: z.number(),
      label: z.string(),
      size: z.number(),
      centre: z.object({ x: z.number(), y: z.number() }),
      representative: z.array(percentRow.extend({ direction: z.enum(['agree', 'disagree']), agreePercent: z.number(), disagreePercent: z.number() })),
    }),
  ),
  consensus: z.object({ agree: z.array(percentRow.extend({ agreePercent: z.number() })), disagree: z.array(percentRow.extend({ disagreePercent: z.number() })) }),
  statements: z.array(
    z.object({
      id: z.string(),
      seq: z.number(),
      text: z.string(),
      meta: z.boolean(),
      agree: z.number(),
      disagree: z.number(),
      pass: z.number(),
      votes: z.number(),
      groupInformedConsensus: z.number(),
      x: z.number(),
      y: z.number(),
      perGroup: z.array(z.object({ group: z.number(), agree: z.number(), disagree: z.number(), pass: z.number(), votes: z.number() })),
    }),
  ),
  points: z.array(z.tuple([z.number(), z.number(), z.number()])),
  me: z.object({ x: z.number(), y: z.number(), group: z.number() }).nullable(),
});

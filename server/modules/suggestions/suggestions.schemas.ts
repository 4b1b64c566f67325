import { z } from 'zod';
import { isoDate, msg, text } from '../../infra/http/fields.js';
import { REPLY_GRADES, SUGGESTION_ACTIONS, SUGGESTION_DECISIONS, SUGGESTION_STATES } from './suggestion.workflow.js';

const RATINGS = ['satisfied', 'basically_satisfied', 'unsatisfied'] as const;
const version = z.number().int().min(1);

const author = z
  .object({ accountId: z.string().uuid().nullable().optional(), name: text(64).nullable().optional() })
  .strict()
  .refine((a) => !!a.accountId || !!a.name, { message: msg('提出人须填写账号或姓名', 'an author needs an account or a name') });

export const newSuggestionBody = z
  .object({
    text: text(2000, { multiline: true, min: 2 }),
    authors: z.array(author).max(50).default([]),
    appealIds: z.array(z.string().uuid()).max(200).optional(),
  })
  .strict();

export const editSuggestionBody = z
  .object({
    version,
    text: text(2000, { multiline: true, min: 2 }).optional(),
    authors: z.array(author).max(50).optional(),
    appealIds: z.array(z.string().uuid()).max(200).optional(),
  })
  .strict();

export const mergeBody = z.object({ version, intoId: z.string().uuid() }).strict();

export const decisionBody = z.object({ version, decision: z.enum(SUGGESTION_DECISIONS), reason: text(2000, { multiline: true }).nullable().optional() }).strict();

const assignment = z
  .object({
    leadUnitId: z.string().uuid(),
    assistingUnitIds: z.array(z.string().uuid()).max(10).optional(),
    deadlineDays: z.number().int().min(1, msg('期限至少 1 个工作日', 'at least 1 working day')).max(180),
  })
  .strict();

export const assignBody = assignment.extend({ version }).strict();

export const respondBody = z.object({ version, response: z.enum(['sign', 'object']), reason: text(2000, { multiline: true }).nullable().optional() }).strict();

export const objectionBody = z
  .object({ version, outcome: z.enum(['uphold', 'reassign']), reason: text(2000, { multiline: true }).nullable().optional(), assignment: assignment.optional() })
  .strict();

export const replyBody = z.object({ version, grade: z.enum(REPLY_GRADES), text: text(4000, { multiline: true, min: 2 }), evidence: text(4000, { multiline: true }).nullable().optional() }).strict();

export const progressBody = z.object({ version, percent: z.number().int().min(0).max(100), milestone: text(500, { multiline: true }), onDate: isoDate }).strict();

export const feedbackBody = z.object({ version, replyRating: z.enum(RATINGS), resultRating: z.enum(RATINGS), comment: text(1000, { multiline: true }).nullable().optional() }).strict();

export const issueBody = z.object({ title: text(200).nullable().optional() }).strict();

export const exportQuery = z.object({ sheet: z.enum(['list', 'assignment']).default('list'), format: z.enum(['xlsx', 'csv']).default('xlsx') });

export const queueQuery = z.object({ kind: z.enum(['to_assign', 'objections', 'overdue']).default('to_assign') });

const unitRef = z.object({ unitId: z.string(), name: z.string(), role: z.enum(['lead', 'assisting']) });
const rollupSchema = z.object({
  suggestions: z.number(),
  decided: z.number(),
  adopted: z.number(),
  adoptionRate: z.number().nullable(),
  assigned: z.number(),
  replied: z.number(),
  implemented: z.number(),
  implementationRate: z.number().nullable(),
  averageProgress: z.number().nullable(),
  ratings: z.number(),
  satisfaction: z.number().nullable(),
});

export const summarySchema = z.object({
  id: z.string(),
  consultationId: z.string(),
  event: z.string(),
  seq: z.number(),
  text: z.string(),
  state: z.enum(SUGGESTION_STATES),
  decision: z.enum(SUGGESTION_DECISIONS).nullable(),
  units: z.array(unitRef),
  signDueAt: z.string().nullable(),
  replyDueAt: z.string().nullable(),
  overdue: z.boolean(),
  grade: z.enum(REPLY_GRADES).nullable(),
  progress: z.number(),
  version: z.number(),
});

const replySchema = z.object({ grade: z.enum(REPLY_GRADES), text: z.string(), evidence: z.string(), unit: z.string(), at: z.string() });
const progressSchema = z.object({ percent: z.number(), milestone: z.string(), onDate: z.string(), at: z.string() });

export const suggestionSchema = summarySchema.extend({
  decisionReason: z.string().nullable(),
  mergedInto: z.string().nullable(),
  deadlineDays: z.number().nullable(),
  issuedAt: z.string().nullable(),
  authors: z.array(z.object({ accountId: z.string().nullable(), name: z.string(), isMember: z.boolean() })),
  appeals: z.array(z.object({ id: z.string(), trackingNo: z.string() })),
  replies: z.array(replySchema),
  milestones: z.array(progressSchema),
  feedback: z.array(z.object({ asRole: z.enum(['proposer', 'resident']), replyRating: z.enum(RATINGS), resultRating: z.enum(RATINGS), comment: z.string().nullable(), at: z.string() })),
  history: z.array(z.object({ action: z.string(), fromState: z.string().nullable(), toState: z.string(), actor: z.string(), comment: z.string().nullable(), detail: z.record(z.string(), z.unknown()), at: z.string() })),
  allowedActions: z.array(z.enum(SUGGESTION_ACTIONS)),
});

export const eventSuggestionsSchema = z.object({ consultationId: z.string(), title: z.string(), items: z.array(suggestionSchema), rollup: rollupSchema });
export const suggestionListSchema = z.object({ items: z.array(summarySchema) });
export const issuedSchema = z.object({ artefactId: z.string(), items: z.number(), issuedAt: z.string() });

const publicCount = z.object({ satisfied: z.number(), basically_satisfied: z.number(), unsatisfied: z.number() });
export const publicSuggestionSchema = z.object({
  id: z.string(),
  event: z.object({ id: z.string(), title: z.string(), startsAt: z.string() }),
  seq: z.number(),
  text: z.string(),
  state: z.enum(SUGGESTION_STATES),
  decision: z.enum(SUGGESTION_DECISIONS).nullable(),
  decisionReason: z.string().nullable(),
  /** Members by name; anyone else only counted. */
  members: z.array(z.string()),
  otherAuthors: z.number(),
  appealCount: z.number(),
  units: z.array(z.object({ name: z.string(), role: z.enum(['lead', 'assisting']) })),
  replyDueAt: z.string().nullable(),
  grade: z.enum(REPLY_GRADES).nullable(),
  progress: z.number(),
  replies: z.array(replySchema),
  milestones: z.array(progressSchema),
  feedback: z.object({ reply: publicCount, result: publicCount }),
  journey: z.array(z.object({ step: z.string(), toState: z.string(), at: z.string(), detail: z.record(z.string(), z.unknown()) })),
});
export const publicEventSchema = z.object({ event: z.object({ id: z.string(), title: z.string(), startsAt: z.string() }), items: z.array(publicSuggestionSchema), rollup: rollupSchema });
export const publicRollupSchema = z.object({ events: z.number(), rollup: rollupSchema });

import { z } from 'zod';
import { isoDate, msg, pageSchema, paging, text } from '../../infra/http/fields.js';
import { TOPIC_ACTIONS, TOPIC_STATES } from './topic.workflow.js';

const territoryCode = z.string().regex(/^\d{6}$|^\d{9}$|^\d{12}$/, msg('请选择区县、镇街或村社区', 'choose a district, town/street or village/community'));

export const newTopicBody = z
  .object({
    title: text(100, { min: 4 }),
    description: text(4000, { multiline: true, min: 10 }),
    source: z.enum(['committee', 'member', 'appeals']),
    territoryCode: territoryCode.nullable().optional(),
    appealIds: z.array(z.string().uuid()).max(500, msg('一次最多关联 500 件诉求', 'at most 500 appeals')).optional(),
  })
  .strict();

export const editTopicBody = z
  .object({
    version: z.number().int().min(1),
    title: text(100, { min: 4 }).optional(),
    description: text(4000, { multiline: true, min: 10 }).optional(),
    territoryCode: territoryCode.nullable().optional(),
  })
  .strict();

export const topicActionBody = z
  .object({
    action: z.enum(TOPIC_ACTIONS),
    version: z.number().int().min(1),
    comment: text(2000, { multiline: true }).nullable().optional(),
  })
  .strict();

export const topicsQuery = z.object({
  state: z.enum(TOPIC_STATES).optional(),
  /** Only the topics this person proposed. */
  mine: z.enum(['true', 'false']).optional(),
  ...paging,
});

export const candidatesQuery = z.object({
  from: isoDate,
  to: isoDate,
  territoryCode,
  categoryId: z.string().uuid().optional(),
  minSize: z.coerce.number().int().min(2).max(50).default(3),
});

const topicSummary = z.object({
  id: z.string(),
  title: z.string(),
  source: z.enum(['committee', 'member', 'appeals']),
  territoryCode: z.string().nullable(),
  state: z.enum(TOPIC_STATES),
  proposer: z.string(),
  appealCount: z.number().optional(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number(),
});

export const topicListSchema = z.object({ items: z.array(topicSummary), page: pageSchema });

export const topicSchema = topicSummary.extend({
  description: z.string(),
  appealIds: z.array(z.string()),
  /** The linked appeals' reference facts (no resident text: a filed topic is seen by every member). */
  appeals: z.array(z.object({ id: z.string(), trackingNo: z.string(), state: z.string(), territoryCode: z.string(), createdAt: z.string() })),
  allowedActions: z.array(z.enum(TOPIC_ACTIONS)),
  editable: z.boolean(),
  history: z.array(z.object({ action: z.string(), fromState: z.string().nullable(), toState: z.string(), actor: z.string(), comment: z.string().nullable(), at: z.string() })),
});

export const candidatesSchema = z.object({
  appealsConsidered: z.number(),
  truncated: z.boolean(),
  clusters: z.array(
    z.object({
      size: z.number(),
      appealIds: z.array(z.string()),
      keyTerms: z.array(z.string()),
      categoryId: z.string(),
      townCode: z.string(),
      series: z.array(z.number()),
      trend: z.enum(['rising', 'steady', 'falling']),
      samples: z.array(z.object({ id: z.string(), trackingNo: z.string(), description: z.string(), territoryCode: z.string(), state: z.string(), createdAt: z.string() })),
      /** Topics some of these appeals are already linked to. */
      linkedTopicIds: z.array(z.string()),
    }),
  ),
});

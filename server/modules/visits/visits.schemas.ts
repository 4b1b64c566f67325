import { z } from 'zod';
import { isoDate, msg, pageSchema, paging, text } from '../../infra/http/fields.js';
import { CONCERN_STATUSES } from './visits.table.js';

const version = z.number().int().min(1);
const village = z.string().regex(/^\d{12}$/, msg('请选择村或社区', 'choose a village or community'));

export const visitParams = z.object({ id: z.string().uuid() });
export const concernParams = z.object({ id: z.string().uuid(), concernId: z.string().uuid() });

export const newVisitBody = z
  .object({
    visitedOn: isoDate,
    territoryCode: village,
    place: text(200),
    summary: text(4000, { multiline: true }),
    concerns: z.array(z.object({ text: text(2000, { multiline: true }) }).strict()).max(20, msg('一次走访最多记录 20 条诉求', 'at most 20 concerns per visit')),
  })
  .strict();

export const visitPatchBody = z
  .object({
    version,
    visitedOn: isoDate.optional(),
    territoryCode: village.optional(),
    place: text(200).optional(),
    summary: text(4000, { multiline: true }).optional(),
  })
  .strict();

export const fileConcernBody = z.object({ version, categoryId: z.string().uuid(), address: text(200).nullable().optional() }).strict();
export const attachConcernBody = z.object({ version, topicId: z.string().uuid() }).strict();

export const visitListQuery = z.object({ mine: z.enum(['true', 'false']).optional(), ...paging });

const concernSchema = z.object({
  id: z.string(),
  text: z.string(),
  status: z.enum(CONCERN_STATUSES),
  appealId: z.string().nullable(),
  topicId: z.string().nullable(),
});

export const visitSchema = z.object({
  id: z.string(),
  member: z.string(),
  visitedOn: z.string(),
  territoryCode: z.string(),
  /** Null for everyone but the member who made the visit. */
  place: z.string().nullable(),
  summary: z.string(),
  concerns: z.array(concernSchema),
  mine: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number(),
});

export const visitListSchema = z.object({ items: z.array(visitSchema), page: pageSchema });

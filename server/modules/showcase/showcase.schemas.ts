import { z } from 'zod';
import { text } from '../../infra/http/fields.js';

export const SHOWCASE_KINDS = ['consultation', 'appeal'] as const;
export const CHAIN_STEPS = ['concern', 'topic', 'event', 'suggestion', 'reply', 'implementation', 'rating'] as const;

const photoIds = z.array(z.string().uuid()).max(6);

export const publishBody = z
  .object({
    kind: z.enum(SHOWCASE_KINDS),
    refId: z.string().uuid(),
    title: text(60, { min: 2 }),
    summary: text(600, { min: 10, multiline: true }),
    photoIds: photoIds.default([]),
  })
  .strict();
export const updateBody = z
  .object({
    version: z.number().int().min(1),
    title: text(60, { min: 2 }).optional(),
    summary: text(600, { min: 10, multiline: true }).optional(),
    photoIds: photoIds.optional(),
  })
  .strict();
export const versionBody = z.object({ version: z.number().int().min(1) }).strict();
export const idParams = z.object({ id: z.string().uuid() });
export const photoParams = z.object({ id: z.string().uuid(), photoId: z.string().uuid() });

export const publicListQuery = z.object({
  territory: z.string().regex(/^\d{2,12}$/).optional(),
  q: text(50).optional(),
  page: z.coerce.number().int().min(1).max(1000).default(1),
  pageSize: z.coerce.number().int().min(1).max(50).default(12),
});
export const staffListQuery = z.object({ page: z.coerce.number().int().min(1).max(1000).default(1), pageSize: z.coerce.number().int().min(1).max(100).default(20) });

export const summarySchema = z.object({
  id: z.string(),
  kind: z.enum(SHOWCASE_KINDS),
  title: z.string(),
  summary: z.string(),
  townName: z.string().nullable(),
  publishedAt: z.string(),
  photo: z.string().nullable(),
  href: z.string(),
});
export const chainStepSchema = z.object({
  step: z.enum(CHAIN_STEPS),
  title: z.string(),
  text: z.string().nullable(),
  at: z.string().nullable(),
  href: z.string().nullable(),
  photos: z.array(z.string()),
});
export const detailSchema = summarySchema.extend({ chain: z.array(chainStepSchema) });
export const publicListSchema = z.object({ total: z.number(), items: z.array(summarySchema) });

const photoChoice = z.object({ id: z.string(), appealId: z.string(), url: z.string(), width: z.number(), height: z.number() });
export const candidatesSchema = z.object({
  suggestions: z.array(
    z.object({ kind: z.literal('consultation'), refId: z.string(), text: z.string(), eventTitle: z.string(), townName: z.string().nullable(), progress: z.number(), grade: z.string().nullable(), updatedAt: z.string(), photos: z.array(photoChoice) }),
  ),
  appeals: z.array(
    z.object({ kind: z.literal('appeal'), refId: z.string(), trackingNo: z.string(), category: z.string(), description: z.string(), townName: z.string().nullable(), rating: z.string().nullable(), closedAt: z.string().nullable(), photos: z.array(photoChoice) }),
  ),
});
export const staffItemSchema = z.object({
  id: z.string(),
  kind: z.enum(SHOWCASE_KINDS),
  refId: z.string(),
  title: z.string(),
  summary: z.string(),
  townName: z.string().nullable(),
  photoIds: z.array(z.string()),
  publishedBy: z.string(),
  publishedAt: z.string(),
  unpublishedAt: z.string().nullable(),
  published: z.boolean(),
  version: z.number(),
});
export const staffListSchema = z.object({ total: z.number(), items: z.array(staffItemSchema) });

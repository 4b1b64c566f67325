import { z } from 'zod';
import { text } from '../../infra/http/fields.js';

export const DOC_KIND_VALUES = ['showcase', 'topic', 'event', 'suggestion', 'venue'] as const;

export const searchQuery = z.object({
  q: text(50),
  kind: z.enum(DOC_KIND_VALUES).optional(),
  page: z.coerce.number().int().min(1).max(50).default(1),
  pageSize: z.coerce.number().int().min(1).max(50).default(20),
});

export const searchResultSchema = z.object({
  q: z.string(),
  kind: z.enum(DOC_KIND_VALUES).nullable(),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
  counts: z.object({ showcase: z.number(), topic: z.number(), event: z.number(), suggestion: z.number(), venue: z.number() }),
  items: z.array(
    z.object({
      kind: z.enum(DOC_KIND_VALUES),
      id: z.string(),
      title: z.string(),
      snippet: z.string(),
      townName: z.string().nullable(),
      href: z.string().nullable(),
      updatedAt: z.string(),
    }),
  ),
});

import { z } from 'zod';
import { isoDate, msg, pageSchema, paging, text } from '../../infra/http/fields.js';
import { LEVELS } from './territory-code.js';

export const levelSchema = z.enum(LEVELS as [string, ...string[]]);

export const territorySchema = z.object({
  code: z.string().describe('Short hierarchical code (2/4/6/9/12 digits)'),
  statCode: z.string().describe('12-digit statistical code (统计用区划代码)'),
  name: z.string(),
  level: levelSchema,
  parentCode: z.string().nullable(),
  validFrom: z.string().nullable(),
  validTo: z.string().nullable(),
  childCount: z.number().int().optional(),
});
export type TerritoryDto = z.infer<typeof territorySchema>;

export const codeParams = z.object({
  code: z.string().regex(/^\d{2,12}$/, msg('区划代码应为 2 至 12 位数字', 'must be 2 to 12 digits')),
});

export const searchQuery = z.object({
  q: text(50).optional(),
  level: levelSchema.optional(),
  parent: z.string().regex(/^\d{2,12}$/).optional(),
  within: z.string().regex(/^\d{2,12}$/).optional(),
  ...paging,
});

export const childrenQuery = z.object({ ...paging, limit: paging.limit.default(200) });

export const territoryListSchema = z.object({ items: z.array(territorySchema), page: pageSchema });
export const territoryItemsSchema = z.object({ items: z.array(territorySchema) });

export const patchTerritoryBody = z
  .object({
    name: text(100).optional(),
    validFrom: isoDate.nullable().optional(),
    validTo: isoDate.nullable().optional(),
  })
  .strict();

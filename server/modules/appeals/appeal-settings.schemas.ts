import { z } from 'zod';
import { msg, text } from '../../infra/http/fields.js';
import { CLASS_BOUNDS } from './appeal.deadlines.js';

/** Category codes are stable identifiers (Open311 service_code): lower-case letters, digits, dots and hyphens. */
export const categoryCode = z
  .string()
  .trim()
  .max(64, msg('不能超过 64 个字符', 'must be at most 64 characters'))
  .regex(/^[a-z][a-z0-9-]*(\.[a-z0-9][a-z0-9-]*)*$/, msg('只能用小写字母、数字、连字符，以点分段，如 traffic.bus', 'lower-case letters, digits and hyphens in dot-separated parts, e.g. traffic.bus'));

export const classCode = z.string().regex(/^[a-z][a-z0-9-]{0,31}$/, msg('时限类别代码无效', 'not a deadline class code'));

const nameZh = text(64);
const nameEn = text(100);
const sort = z.number().int().min(0).max(100_000);
const version = z.number().int().min(1);

export const categoryParams = z.object({ id: z.string().uuid() });

export const newCategoryBody = z
  .object({
    parentId: z.string().uuid().nullable(),
    code: categoryCode,
    nameZh,
    nameEn,
    deadlineClass: classCode,
    sort: sort.optional(),
  })
  .strict();

export const categoryPatchBody = z
  .object({
    version,
    nameZh: nameZh.optional(),
    nameEn: nameEn.optional(),
    parentId: z.string().uuid().nullable().optional(),
    deadlineClass: classCode.optional(),
    sort: sort.optional(),
  })
  .strict();

export const versionBody = z.object({ version }).strict();
export const versionQuery = z.object({ version: z.coerce.number().int().min(1) });

export const adminCategorySchema = z.object({
  id: z.string(),
  code: z.string(),
  parentId: z.string().nullable(),
  nameZh: z.string(),
  nameEn: z.string(),
  deadlineClass: z.string(),
  active: z.boolean(),
  sort: z.number().int(),
  /** Appeals are filed under it: it can be deactivated, never deleted. */
  inUse: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
});

export const deadlineClassSchema = z.object({
  code: z.string(),
  nameZh: z.string(),
  nameEn: z.string(),
  amount: z.number(),
  unit: z.enum(['wd', 'minutes']),
  maxCount: z.number().int().nullable(),
  /** 'step': a workflow step's clock; 'reply': a reply deadline categories may use. */
  usage: z.enum(['step', 'reply']),
  updatedAt: z.string(),
  version: z.number().int(),
});

export const deadlineClassPatchBody = z
  .object({
    version,
    nameZh: nameZh.optional(),
    nameEn: nameEn.optional(),
    amount: z.number().positive().max(CLASS_BOUNDS.minutes.max).optional(),
    unit: z.enum(['wd', 'minutes']).optional(),
    maxCount: z.number().int().min(CLASS_BOUNDS.maxCount.min).max(CLASS_BOUNDS.maxCount.max).optional(),
  })
  .strict();

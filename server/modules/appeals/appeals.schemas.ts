import { z } from 'zod';
import { msg, pageSchema, paging, text } from '../../infra/http/fields.js';
import { APPEAL_ACTIONS, APPEAL_STATES } from './appeal.workflow.js';
import { SPAM_REASONS } from './spam-signals.js';

export const phoneInput = z
  .string()
  .trim()
  .regex(/^1\d{10}$|^0\d{2,3}-?\d{7,8}$/, msg('请填写手机号或带区号的电话', 'a mobile number or a landline with area code'));

/** Uploaded photos to attach, in order: at most six, each once. */
export const photoIdsInput = z
  .array(z.string().uuid())
  .max(6, msg('最多 6 张照片', 'at most 6 photos'))
  .refine((ids) => new Set(ids).size === ids.length, { message: msg('同一张照片只能附一次', 'each photo once') })
  .optional();

export const newAppealBody = z
  .object({
    channel: z.enum(['agent', 'visit', 'api']).default('agent'),
    categoryId: z.string().uuid(),
    territoryCode: z.string().regex(/^\d{9}$|^\d{12}$/, msg('请选择镇街或村社区', 'choose a town/street or a village/community')),
    address: text(200).nullable().optional(),
    lat: z.number().min(-90).max(90).nullable().optional(),
    lng: z.number().min(-180).max(180).nullable().optional(),
    description: text(4000, { multiline: true, min: 5 }),
    residentName: text(64).nullable().optional(),
    residentPhone: phoneInput.nullable().optional(),
    anonymous: z.boolean().default(false),
    confidential: z.boolean().default(false),
    urgent: z.boolean().default(false),
    photoIds: photoIdsInput,
  })
  .strict();

export const actionBody = z
  .object({
    action: z.enum(APPEAL_ACTIONS),
    version: z.number().int().min(1),
    reason: text(1000, { multiline: true }).optional(),
    text: text(4000, { multiline: true }).optional(),
    leadUnitId: z.string().uuid().optional(),
    assistingUnitIds: z.array(z.string().uuid()).max(10).optional(),
    until: z.string().datetime({ offset: true }).optional(),
    rating: z.enum(['satisfied', 'basically_satisfied', 'unsatisfied']).optional(),
    targetAppealId: z.string().uuid().optional(),
    photoIds: photoIdsInput,
  })
  .strict();

export const stateSchema = z.enum(APPEAL_STATES);

export const photoSchema = z.object({
  id: z.string(),
  mime: z.enum(['image/jpeg', 'image/png', 'image/webp']),
  size: z.number().int(),
  width: z.number().int(),
  height: z.number().int(),
  url: z.string(),
});

export const uploadReceipt = photoSchema.omit({ url: true }).extend({ expiresAt: z.string() });

const clock = z.object({ kind: z.string(), dueAt: z.string().nullable(), overdue: z.boolean() });

export const appealSchema = z.object({
  id: z.string(),
  trackingNo: z.string(),
  channel: z.string(),
  category: z.object({ id: z.string(), code: z.string(), nameZh: z.string(), nameEn: z.string() }),
  territoryCode: z.string(),
  address: z.string().nullable(),
  description: z.string(),
  residentName: z.string().nullable(),
  residentPhone: z.string().nullable(),
  anonymous: z.boolean(),
  confidential: z.boolean(),
  urgent: z.boolean(),
  supervised: z.boolean(),
  onBehalf: z.boolean(),
  state: stateSchema,
  deadlineClass: z.string(),
  units: z.array(z.object({ unitId: z.string(), role: z.enum(['lead', 'assisting']), name: z.string() })),
  clocks: z.array(clock),
  extensionsApproved: z.number().int(),
  pendingUntil: z.string().nullable(),
  rating: z.string().nullable(),
  mergedInto: z.string().nullable(),
  /** Spam signals in the text: staff see the flag and why; the appeal is never dropped. */
  moderation: z.object({ flagged: z.boolean(), reasons: z.array(z.enum(SPAM_REASONS)) }),
  createdAt: z.string(),
  closedAt: z.string().nullable(),
  version: z.number().int(),
  allowedActions: z.array(z.enum(APPEAL_ACTIONS)),
  timeline: z.array(
    z.object({
      action: z.string(),
      fromState: z.string().nullable(),
      toState: z.string(),
      actorLabel: z.string(),
      payload: z.record(z.string(), z.unknown()).nullable(),
      at: z.string(),
      photos: z.array(photoSchema),
    }),
  ),
});

export const appealSummarySchema = appealSchema.omit({ timeline: true, allowedActions: true, units: true });

export const appealsQuery = z.object({
  state: z
    .string()
    .regex(/^[a-z_]+(,[a-z_]+)*$/)
    .optional()
    .describe('comma-separated states'),
  overdue: z.enum(['true', 'false']).optional(),
  flagged: z.enum(['true', 'false']).optional().describe('true: only appeals flagged as possible spam, for moderation'),
  q: text(100)
    .optional()
    .describe('words of the description or address; Chinese is matched by character pairs, Traditional finds Simplified; best match first'),
  trackingNo: z
    .string()
    .trim()
    .regex(/^\d{0,8}-?\d{0,5}$/, msg('受理编号或其开头、结尾的数字', 'a tracking number, or digits of its beginning or end'))
    .refine((v) => v.replace(/\D/g, '').length >= 2, msg('至少 2 位数字', 'at least 2 digits'))
    .optional()
    .describe('20261129-00042; or its beginning (20261129) or end (00042, 1129-00042)'),
  phone: z
    .string()
    .trim()
    .regex(/^[\d-]{4,13}$/, msg('手机号或电话号码的后几位（至少 4 位）', 'a phone number or its last digits (at least 4)'))
    .refine((v) => v.replace(/\D/g, '').length >= 4, msg('至少 4 位数字', 'at least 4 digits'))
    .optional()
    .describe('a mobile number, or the last 4 or more digits of any phone number'),
  categoryId: z.string().uuid().optional(),
  territory: z
    .string()
    .regex(/^\d{2,12}$/, msg('区划代码为 2 至 12 位数字', 'a territory code of 2 to 12 digits'))
    .optional()
    .describe('a territory code; appeals in it and everything under it'),
  ...paging,
});

export const appealListSchema = z.object({ items: z.array(appealSummarySchema), page: pageSchema });

export const categorySchema = z.object({
  id: z.string(),
  code: z.string(),
  parentId: z.string().nullable(),
  nameZh: z.string(),
  nameEn: z.string(),
  deadlineClass: z.string(),
});

export const statusParams = z.object({ trackingNo: z.string().regex(/^\d{8}-\d{5}$/, msg('受理编号格式为 20261129-00042', 'tracking numbers look like 20261129-00042')) });
export const statusQuery = z.object({ last4: z.string().regex(/^\d{4}$/, msg('请填写手机号后四位', 'the last 4 digits of the phone number')) });
export const publicStatusSchema = z.object({
  trackingNo: z.string(),
  category: z.object({ nameZh: z.string(), nameEn: z.string() }),
  state: stateSchema,
  open311Status: z.enum(['open', 'closed']),
  createdAt: z.string(),
  closedAt: z.string().nullable(),
  photoCount: z.number().int(),
  steps: z.array(z.object({ action: z.string(), toState: z.string(), at: z.string(), text: z.string().nullable() })),
});
export const pageOf = pageSchema;

export const residentAppealBody = z
  .object({
    phone: z.string().trim().regex(/^1[3-9]\d{9}$/, msg('请填写 11 位手机号', 'an 11-digit mobile number')),
    code: z.string().trim().regex(/^\d{6}$/, msg('验证码为 6 位数字', 'the code has 6 digits')),
    categoryId: z.string().uuid(),
    territoryCode: z.string().regex(/^\d{9}$|^\d{12}$/, msg('请选择镇街或村社区', 'choose a town/street or a village/community')),
    address: text(200).nullable().optional(),
    description: text(4000, { multiline: true, min: 5 }),
    residentName: text(64).nullable().optional(),
    anonymous: z.boolean().default(false),
    confidential: z.boolean().default(false),
    photoIds: photoIdsInput,
  })
  .strict();

export const similarQuery = z.object({
  categoryId: z.string().uuid(),
  territoryCode: z.string().regex(/^\d{9}$|^\d{12}$/),
  text: text(4000, { multiline: true, min: 2 }),
});

export const residentAppealReceipt = z.object({ trackingNo: z.string(), state: stateSchema, createdAt: z.string(), statusPath: z.string() });

import { z } from 'zod';

const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\u202A-\u202E\u2066-\u2069]/;
const CONTROL_SINGLE_LINE = /[\u0000-\u001F\u007F\u202A-\u202E\u2066-\u2069]/;

/** Length in characters as a person counts them: 𣵦 is one, not two UTF-16 units. */
export function charLength(s: string): number {
  let n = 0;
  for (const _ of s) n++;
  return n;
}

/** A bilingual validation message, split by the error mapper as "中文|English". */
export const msg = (zh: string, en: string) => `${zh}|${en}`;

/**
 * A user-typed text field: Unicode NFC, trimmed, at most `max` characters, no control or
 * bidi-override characters. Stored verbatim otherwise: markup stays text and is never rendered.
 */
export function text(max: number, opts: { min?: number; multiline?: boolean } = {}) {
  const min = opts.min ?? 1;
  const control = opts.multiline ? CONTROL : CONTROL_SINGLE_LINE;
  return z
    .string()
    .normalize('NFC')
    .trim()
    .min(min)
    .refine((s) => charLength(s) <= max, { message: msg(`不能超过 ${max} 个字符`, `must be at most ${max} characters`) })
    .refine((s) => !control.test(s), { message: msg('含有不允许的控制字符', 'contains control characters') })
    .meta({ maxLength: max });
}

/** ISO date (YYYY-MM-DD). */
export const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, msg('日期格式应为 YYYY-MM-DD', 'must be a date as YYYY-MM-DD'));

/** Paging for list* routes. */
export const paging = {
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
};

export const pageSchema = z.object({ limit: z.number(), offset: z.number(), total: z.number() });

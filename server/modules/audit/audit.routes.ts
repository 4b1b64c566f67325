import { z } from 'zod';
import { listAuditEvents, verifyAuditChain } from '../../infra/audit/audit.repository.js';
import type { Deps, ZodApp } from '../../infra/http/app.js';
import { pageSchema, paging } from '../../infra/http/fields.js';

const auditEventSchema = z.object({
  seq: z.number().int(),
  occurredAt: z.string(),
  actorId: z.string().nullable(),
  actorLabel: z.string(),
  action: z.string(),
  resourceType: z.string(),
  resourceId: z.string().nullable(),
  before: z.unknown().nullable(),
  after: z.unknown().nullable(),
  requestId: z.string().nullable(),
  ip: z.string().nullable(),
});

const reportSchema = z.object({
  ok: z.boolean(),
  checked: z.number().int(),
  lastSeq: z.number().int(),
  broken: z.object({ seq: z.number().int(), reason: z.enum(['hash', 'link', 'gap', 'head']) }).optional(),
});

const filterQuery = z.object({
  resourceType: z.string().regex(/^[\w.:-]{1,64}$/).optional(),
  resourceId: z.string().regex(/^[\w.:-]{1,64}$/).optional(),
  actorId: z.string().regex(/^[\w.:-]{1,64}$/).optional(),
  action: z.string().regex(/^[\w.:-]{1,64}$/).optional(),
  ...paging,
});

/** Read-only access to the audit trail and its hash chain. */
export function auditRoutes(app: ZodApp, { database }: Deps) {
  const tags = ['audit'];
  app.get(
    '/audit',
    {
      config: { access: 'audit:read' },
      schema: {
        tags,
        summary: 'Audit events, newest first',
        querystring: filterQuery,
        response: { 200: z.object({ items: z.array(auditEventSchema), page: pageSchema }) },
      },
    },
    async (req) => {
      const { limit, offset, ...filter } = req.query;
      const { rows, total } = await listAuditEvents(database.db, filter, limit, offset);
      return {
        items: rows.map((r) => ({
          seq: r.seq,
          occurredAt: r.occurred_at,
          actorId: r.actor_id,
          actorLabel: r.actor_label,
          action: r.action,
          resourceType: r.resource_type,
          resourceId: r.resource_id,
          before: r.before_json ? (JSON.parse(r.before_json) as unknown) : null,
          after: r.after_json ? (JSON.parse(r.after_json) as unknown) : null,
          requestId: r.request_id,
          ip: r.ip,
        })),
        page: { limit, offset, total },
      };
    },
  );
  app.get(
    '/audit/verify',
    {
      config: { access: 'audit:read' },
      schema: { tags, summary: 'Recompute the hash chain and report the first broken link', response: { 200: reportSchema } },
    },
    async () => verifyAuditChain(database.db),
  );
}

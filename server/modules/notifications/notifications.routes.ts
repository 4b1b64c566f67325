import { z } from 'zod';
import type { Deps, ZodApp } from '../../infra/http/app.js';
import { AppError } from '../../infra/http/errors.js';
import { runCommand } from '../../infra/commands.js';
import { contextOf } from '../../infra/http/app.js';
import { pageSchema, paging } from '../../infra/http/fields.js';
import { listNotifications, markNotificationsRead } from './notifications.repository.js';

const notificationSchema = z.object({
  id: z.string(),
  kind: z.string(),
  resourceType: z.string(),
  resourceId: z.string(),
  payload: z.record(z.string(), z.unknown()),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});

/** Each person's in-app inbox. */
export function notificationsRoutes(app: ZodApp, { database }: Deps) {
  const { db } = database;
  const tags = ['inbox'];
  app.get(
    '/inbox',
    {
      config: { access: 'inbox:read' },
      schema: {
        tags,
        summary: 'My notifications, newest first, with the unread count',
        querystring: z.object({ unread: z.enum(['true', 'false']).optional(), ...paging }),
        response: { 200: z.object({ items: z.array(notificationSchema), unread: z.number().int(), page: pageSchema }) },
      },
    },
    async (req) => {
      const { unread, limit, offset } = req.query;
      const r = await listNotifications(db, req.actor!.id, unread === 'true', limit, offset);
      return {
        items: r.rows.map((n) => ({
          id: n.id,
          kind: n.kind,
          resourceType: n.resource_type,
          resourceId: n.resource_id,
          payload: JSON.parse(n.payload) as Record<string, unknown>,
          createdAt: n.created_at,
          readAt: n.read_at,
        })),
        unread: r.unread,
        page: { limit, offset, total: r.total },
      };
    },
  );
  app.post(
    '/inbox/read',
    {
      config: { access: 'inbox:read' },
      schema: {
        tags,
        summary: 'Mark one notification (or, without an id, all of mine) read',
        body: z.object({ id: z.string().uuid().optional() }).strict(),
        response: { 200: z.object({ marked: z.number().int() }) },
      },
    },
    async (req) => {
      const marked = await runCommand(db, contextOf(req), async (tx, audit) => {
        const n = await markNotificationsRead(tx, req.actor!.id, new Date().toISOString(), req.body.id);
        if (n > 0) audit.record({ action: 'notification.read', resourceType: 'notification', resourceId: req.body.id ?? null, after: { marked: n } });
        return n;
      });
      if (req.body.id && marked === 0) throw new AppError('NOT_FOUND');
      return { marked };
    },
  );
}

import { z } from 'zod';
import { contextOf, type Deps, type ZodApp } from '../../infra/http/app.js';
import { categoriesInUse, categoryHasAppeals } from './appeal-settings.repository.js';
import { presentAdminCategory, presentDeadlineClass } from './appeal-settings.presenter.js';
import {
  adminCategorySchema,
  categoryParams,
  categoryPatchBody,
  classCode,
  deadlineClassPatchBody,
  deadlineClassSchema,
  newCategoryBody,
  versionBody,
  versionQuery,
} from './appeal-settings.schemas.js';
import { listCategories, listDeadlineClasses } from './appeals.repository.js';
import { createCategory } from './commands/create-category.js';
import { deactivateCategory } from './commands/deactivate-category.js';
import { removeCategory } from './commands/delete-category.js';
import { reactivateCategory } from './commands/reactivate-category.js';
import { updateCategoryDetails } from './commands/update-category.js';
import { updateDeadlineClassDetails } from './commands/update-deadline-class.js';

/** 诉求类别与办理时限: administrators edit the category tree and the deployment's deadline classes. */
export function appealSettingsRoutes(app: ZodApp, { database }: Deps) {
  const { db } = database;
  const tags = ['appeals'];
  const access = 'appeals:configure' as const;
  const present = async (c: Parameters<typeof presentAdminCategory>[0]) => presentAdminCategory(c, await categoryHasAppeals(db, c.id));

  app.get(
    '/appeal-categories',
    {
      config: { access },
      schema: { tags, summary: 'Every appeal category, deactivated ones too, for its administrators', response: { 200: z.object({ items: z.array(adminCategorySchema) }) } },
    },
    async () => {
      const [rows, used] = await Promise.all([listCategories(db, true), categoriesInUse(db)]);
      return { items: rows.map((c) => presentAdminCategory(c, used.has(c.id))) };
    },
  );

  app.post(
    '/appeal-categories',
    {
      config: { access },
      schema: { tags, summary: 'Add a category (top level or under an active parent; at most 3 levels)', body: newCategoryBody, response: { 201: adminCategorySchema } },
    },
    async (req, reply) => reply.status(201).send(presentAdminCategory(await createCategory(db, contextOf(req), req.body), false)),
  );

  app.patch(
    '/appeal-categories/:id',
    {
      config: { access },
      schema: {
        tags,
        summary: 'Rename, move, re-class or re-order a category; a new deadline class applies to appeals filed from now on',
        params: categoryParams,
        body: categoryPatchBody,
        response: { 200: adminCategorySchema },
      },
    },
    async (req) => present(await updateCategoryDetails(db, contextOf(req), req.params.id, req.body)),
  );

  app.post(
    '/appeal-categories/:id/deactivate',
    {
      config: { access },
      schema: {
        tags,
        summary: 'Stop offering a category and its sub-categories for new appeals (filed appeals keep it)',
        params: categoryParams,
        body: versionBody,
        response: { 200: adminCategorySchema },
      },
    },
    async (req) => present(await deactivateCategory(db, contextOf(req), req.params.id, req.body.version)),
  );

  app.post(
    '/appeal-categories/:id/reactivate',
    {
      config: { access },
      schema: { tags, summary: 'Offer a deactivated category again (its parent must be active)', params: categoryParams, body: versionBody, response: { 200: adminCategorySchema } },
    },
    async (req) => present(await reactivateCategory(db, contextOf(req), req.params.id, req.body.version)),
  );

  app.delete(
    '/appeal-categories/:id',
    {
      config: { access },
      schema: {
        tags,
        summary: 'Delete a category no appeal uses and with no sub-categories (otherwise CATEGORY_IN_USE: deactivate it)',
        params: categoryParams,
        querystring: versionQuery,
        response: { 204: z.null() },
      },
    },
    async (req, reply) => {
      await removeCategory(db, contextOf(req), req.params.id, req.query.version);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/deadline-classes',
    {
      config: { access },
      schema: { tags, summary: 'The deployment’s deadline classes (step clocks and reply deadlines) and the extension cap', response: { 200: z.object({ items: z.array(deadlineClassSchema) }) } },
    },
    async () => ({ items: (await listDeadlineClasses(db)).map(presentDeadlineClass) }),
  );

  app.patch(
    '/deadline-classes/:code',
    {
      config: { access },
      schema: {
        tags,
        summary: 'Change a deadline class: working days (0.25–60) or minutes (5–1440); only deadlines computed from now on change',
        params: z.object({ code: classCode }),
        body: deadlineClassPatchBody,
        response: { 200: deadlineClassSchema },
      },
    },
    async (req) => presentDeadlineClass(await updateDeadlineClassDetails(db, contextOf(req), req.params.code, req.body)),
  );
}

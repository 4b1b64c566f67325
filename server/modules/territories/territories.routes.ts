import { contextOf, type Deps, type ZodApp } from '../../infra/http/app.js';
import { searchTerritories, listChildren } from './territories.repository.js';
import { presentTerritory } from './territories.presenter.js';
import {
  childrenQuery,
  codeParams,
  patchTerritoryBody,
  searchQuery,
  territoryItemsSchema,
  territoryListSchema,
  territorySchema,
} from './territories.schemas.js';
import { getAncestors, getTerritory, patchTerritory } from './territories.service.js';
import { normalizeCode } from './territory-code.js';
import type { TerritoryLevel } from './territories.table.js';

const tags = ['territories'];

export function territoriesRoutes(app: ZodApp, { database }: Deps) {
  const { db } = database;

  app.get(
    '/territories',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Search territories by name or code, filter by level, parent or subtree',
        querystring: searchQuery,
        response: { 200: territoryListSchema },
      },
    },
    async (req) => {
      const { q, level, parent, within, limit, offset } = req.query;
      const { rows, total } = await searchTerritories(
        db,
        {
          q,
          level: level as TerritoryLevel | undefined,
          parent: parent ? normalizeCode(parent) ?? parent : undefined,
          within: within ? normalizeCode(within) ?? within : undefined,
        },
        limit,
        offset,
      );
      return { items: rows.map(presentTerritory), page: { limit, offset, total } };
    },
  );

  app.get(
    '/territories/:code',
    {
      config: { access: 'public' },
      schema: { tags, summary: 'One territory (short or 12-digit code)', params: codeParams, response: { 200: territorySchema } },
    },
    async (req) => presentTerritory(await getTerritory(db, req.params.code)),
  );

  app.get(
    '/territories/:code/children',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Direct children of a territory',
        params: codeParams,
        querystring: childrenQuery,
        response: { 200: territoryListSchema },
      },
    },
    async (req) => {
      const t = await getTerritory(db, req.params.code);
      const { limit, offset } = req.query;
      const { rows, total } = await listChildren(db, t.code, limit, offset);
      return { items: rows.map(presentTerritory), page: { limit, offset, total } };
    },
  );

  app.get(
    '/territories/:code/ancestors',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Ancestors of a territory, province first',
        params: codeParams,
        response: { 200: territoryItemsSchema },
      },
    },
    async (req) => ({ items: (await getAncestors(db, req.params.code)).map(presentTerritory) }),
  );

  app.patch(
    '/territories/:code',
    {
      config: { access: 'territories:write' },
      schema: {
        tags,
        summary: 'Rename a territory or change its validity dates',
        params: codeParams,
        body: patchTerritoryBody,
        response: { 200: territorySchema },
      },
    },
    async (req) => presentTerritory(await patchTerritory(db, contextOf(req), req.params.code, req.body)),
  );
}

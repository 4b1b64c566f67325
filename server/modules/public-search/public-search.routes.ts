import type { Deps, ZodApp } from '../../infra/http/app.js';
import { searchQuery, searchResultSchema } from './public-search.schemas.js';
import { searchPublic } from './public-search.service.js';

/** Search across public content: filed topics, announced events, issued suggestions, showcase items, venues. */
export function publicSearchRoutes(app: ZodApp, { database, config }: Deps) {
  app.get(
    '/public/search',
    {
      config: { access: 'public', rateLimit: { max: config.publicRatePerMinute, timeWindow: '1 minute' } },
      schema: { tags: ['search'], summary: 'Chinese full-text search of public records (Traditional input finds Simplified text)', querystring: searchQuery, response: { 200: searchResultSchema } },
    },
    async (req) => searchPublic(database.db, req.query),
  );
}

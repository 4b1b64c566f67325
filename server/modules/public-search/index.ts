import type { HttpModule } from '../../infra/http/app.js';
import { publicSearchRoutes } from './public-search.routes.js';

export type { PublicSearchTables, PublicDocKind } from './public-search.table.js';
export { PublicSearchIndexer } from './public-search.js';
export { searchPublic, type SearchResult } from './public-search.service.js';

export const publicSearchModule: HttpModule = { name: 'search', routes: publicSearchRoutes };

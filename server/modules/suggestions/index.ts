import type { HttpModule } from '../../infra/http/app.js';
import { suggestionsRoutes } from './suggestions.routes.js';

export type { SuggestionsTables } from './suggestions.table.js';
export { rollUp, type Rollup, type RollupInput } from './suggestion-rollups.js';

export const suggestionsModule: HttpModule = { name: 'suggestions', routes: suggestionsRoutes };

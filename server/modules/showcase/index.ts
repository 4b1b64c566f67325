import type { HttpModule } from '../../infra/http/app.js';
import { showcaseRoutes } from './showcase.routes.js';

export type { ShowcaseTables, ShowcaseItemTable } from './showcase.table.js';
export { listPublished, listItemsForIndex, listSuggestionCandidates, territoryNames } from './showcase.repository.js';
export { presentSummary, townOf } from './showcase.presenter.js';
export { presentDetail, chinaMonth } from './showcase.service.js';
export { publishShowcaseItem } from './commands/publish-showcase-item.js';

export const showcaseModule: HttpModule = { name: 'showcase', routes: showcaseRoutes };

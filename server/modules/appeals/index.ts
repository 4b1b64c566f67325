import type { HttpModule } from '../../infra/http/app.js';
import { appealSettingsRoutes } from './appeal-settings.routes.js';
import { appealsRoutes } from './appeals.routes.js';

export { seedAppealReferenceData } from './appeals.seed.js';
export { countAppeals } from './appeals.repository.js';
export { registerAppealTimers } from './appeal.timers.js';
export { PhotoSweeper } from './appeal-photos.js';
export { AppealSearchIndexer } from './appeal-search.js';

export const appealsModule: HttpModule = {
  name: 'appeals',
  routes: (app, deps) => {
    appealsRoutes(app, deps);
    appealSettingsRoutes(app, deps);
  },
};
export { registerAppeal } from './commands/register-appeal.js';
export { formatTrackingNo } from './tracking-numbers.js';
export { activeCategories, allCategories, deadlineDeps } from './appeals.service.js';
export {
  findAppeal,
  findAppealByTrackingNo,
  listAppealEvents,
  listAppealUnits,
  listAppealsByIds,
  listAppealsForClustering,
  listCategories,
  searchAppeals,
} from './appeals.repository.js';
export { visibility } from './appeals.policy.js';
export { open311Status, type AppealState } from './appeal.workflow.js';
export { clocksOf } from './appeals.presenter.js';
export type { AppealTable, CategoryTable } from './appeals.table.js';
/** Full-text query syntax over bigram tokens (FTS5 and tsquery), for other indexes of the same tokens. */
export { ftsQuery, tsQuery } from './appeal-search.repository.js';

import type { HttpModule } from '../../infra/http/app.js';
import { appealsRoutes } from './appeals.routes.js';

export { seedAppealReferenceData } from './appeals.seed.js';
export { countAppeals } from './appeals.repository.js';
export { registerAppealTimers } from './appeal.timers.js';
export { AppealSearchIndexer } from './appeal-search.js';

export const appealsModule: HttpModule = { name: 'appeals', routes: appealsRoutes };
export { registerAppeal, formatTrackingNo } from './commands/register-appeal.js';
export { activeCategories, allCategories, deadlineDeps } from './appeals.service.js';
export { findAppeal, findAppealByTrackingNo, listAppealEvents, listAppealUnits, listCategories, searchAppeals } from './appeals.repository.js';
export { open311Status, type AppealState } from './appeal.workflow.js';
export { clocksOf } from './appeals.presenter.js';
export type { AppealTable, CategoryTable } from './appeals.table.js';

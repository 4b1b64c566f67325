import type { HttpModule } from '../../infra/http/app.js';
import { dashboardsRoutes } from './dashboards.routes.js';

export type { DashboardsTables } from './dashboards.table.js';
export { AppealAggregator } from './appeal-aggregator.js';
export { factOf, type FactEvent, type FactSource } from './appeal-facts.js';

export const dashboardsModule: HttpModule = { name: 'dashboards', routes: dashboardsRoutes };

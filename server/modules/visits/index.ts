import type { HttpModule } from '../../infra/http/app.js';
import { visitsRoutes } from './visits.routes.js';

export type { VisitsTables } from './visits.table.js';

export const visitsModule: HttpModule = { name: 'visits', routes: visitsRoutes };

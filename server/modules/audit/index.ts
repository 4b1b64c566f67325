import type { HttpModule } from '../../infra/http/app.js';
import { auditRoutes } from './audit.routes.js';

export const auditModule: HttpModule = { name: 'audit', routes: auditRoutes };

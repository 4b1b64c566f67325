import type { HttpModule } from '../../infra/http/app.js';
import { appealsRoutes } from './appeals.routes.js';

export { seedAppealReferenceData } from './appeals.seed.js';
export { countAppeals } from './appeals.repository.js';
export { registerAppealTimers } from './appeal.timers.js';

export const appealsModule: HttpModule = { name: 'appeals', routes: appealsRoutes };

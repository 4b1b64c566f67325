import type { HttpModule } from '../../infra/http/app.js';
import { openDataRoutes } from './open-data.routes.js';

export { DATASETS, LICENCE } from './datasets.js';

export const openDataModule: HttpModule = { name: 'open data', routes: openDataRoutes };

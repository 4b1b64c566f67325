import type { HttpModule } from '../../infra/http/app.js';
import { calendarRoutes } from './calendar.routes.js';

export const calendarModule: HttpModule = { name: 'calendar', routes: calendarRoutes };

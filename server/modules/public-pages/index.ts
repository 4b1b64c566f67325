import type { HttpModule } from '../../infra/http/app.js';
import { publicPagesRoutes } from './public-pages.routes.js';

export { escapeHtml, html, safeHref } from './html.js';

/** Server-rendered public pages, at the site root (not under /api/v1). */
export const publicPagesModule: HttpModule = { name: 'public pages', prefix: '', routes: publicPagesRoutes };

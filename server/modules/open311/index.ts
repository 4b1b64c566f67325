import formbody from '@fastify/formbody';
import type { HttpModule } from '../../infra/http/app.js';
import { open311Routes } from './open311.routes.js';

/** Open311 GeoReport v2 at /open311/v2, in JSON and XML. */
export const open311Module: HttpModule = {
  name: 'open311',
  prefix: '/open311/v2',
  async routes(app, deps) {
    await app.register(formbody, { bodyLimit: 64 * 1024 });
    open311Routes(app, deps);
  },
};

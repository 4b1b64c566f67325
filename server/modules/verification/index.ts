import type { HttpModule } from '../../infra/http/app.js';
import { verificationRoutes } from './verification.routes.js';

export { checkOneTimeCode, consumeOneTimeCode, requestOneTimeCode } from './one-time-code.js';
export type { OtpPurpose } from './verification.table.js';
export { mobileSchema } from './verification.routes.js';

export const verificationModule: HttpModule = { name: 'verification', routes: verificationRoutes };

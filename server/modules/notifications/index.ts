import type { HttpModule } from '../../infra/http/app.js';
import { notificationsRoutes } from './notifications.routes.js';

export { enqueueMessage, notifyAccounts, type NotificationInput } from './notify.js';
export { OutboxDrainer, logAdapter, type MessageAdapter } from './outbox-drainer.js';
export { listOutbox } from './notifications.repository.js';

export const notificationsModule: HttpModule = { name: 'notifications', routes: notificationsRoutes };

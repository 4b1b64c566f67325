import type { HttpModule } from '../../infra/http/app.js';
import { topicsRoutes } from './topics.routes.js';

export { clusterAppeals, type AppealCluster, type ClusterInput } from './appeal-clusters.js';
export type { TopicsTables } from './topics.table.js';
export { findTopic } from './topics.repository.js';
export { findVisibleTopic } from './topics.service.js';
export { seedFiledTopic, type FiledTopicSeed } from './topics.seed.js';

export const topicsModule: HttpModule = { name: 'topics', routes: topicsRoutes };

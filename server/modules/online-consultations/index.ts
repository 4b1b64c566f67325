import type { HttpModule } from '../../infra/http/app.js';
import { onlineRoutes } from './online.routes.js';

export type { OnlineConsultationsTables } from './online.table.js';
export { OpinionMapWorker, type OpinionMapWorkerOptions } from './opinion-map-worker.js';
/** The commands, for the demo seed (which acts as the demo organiser and as synthetic participants). */
export { createOnlineConsultation } from './commands/create-online-consultation.js';
export { joinOnlineConsultation } from './commands/join-online-consultation.js';
export { addStatement } from './commands/add-statement.js';
export { castVote } from './commands/cast-vote.js';
export { anyOnlineConsultation, eventIdByTitle, findParticipantByToken } from './online.repository.js';
export { tokenHash } from './online.service.js';

export const onlineConsultationsModule: HttpModule = { name: 'online-consultations', routes: onlineRoutes };

import type { HttpModule } from '../../infra/http/app.js';
import { consultationsRoutes } from './consultations.routes.js';

export type { ConsultationsTables, ArtefactKind, ProcedureStep } from './consultations.table.js';
/** Read by other modules (suggestions): an event's row, and its artefacts. */
export { findConsultation, insertArtefact, listArtefacts } from './consultations.repository.js';
export { evaluateConsultation, type EvaluationInput } from './consultation-evaluation.js';
export { createConsultation, type NewConsultation } from './commands/create-consultation.js';
export { addArtefact, type NewArtefact } from './commands/add-artefact.js';
export { createCampaign, type CampaignInput } from './commands/save-campaign.js';
export { seedDemoConsultations } from './consultations.seed.js';
export { registerSuggestionCounts, type SuggestionCounts, type SuggestionCountsProvider } from './suggestion-counts.js';

export const consultationsModule: HttpModule = { name: 'consultations', routes: consultationsRoutes };

import type { HttpModule } from '../../infra/http/app.js';
import { consultationsRoutes } from './consultations.routes.js';

export type { ConsultationsTables, ArtefactKind, ProcedureStep } from './consultations.table.js';
/** Read by other modules (suggestions): an event's row, and its artefacts. */
export { findConsultation, insertArtefact, listArtefacts, listCampaigns } from './consultations.repository.js';
export { evaluateConsultation, type EvaluationInput } from './consultation-evaluation.js';
/** Seed helpers (a campaign month's demo data builds on these): commands that also take 'system' as the caller. */
export { createConsultation, type NewConsultation } from './commands/create-consultation.js';
export { addArtefact, type NewArtefact } from './commands/add-artefact.js';
export { createCampaign, type CampaignInput } from './commands/save-campaign.js';
export { addAttendee, type StaffAttendee } from './commands/record-attendance.js';
export { decideConsultationAction } from './commands/decide-consultation.js';
/** Who runs an event (the online consultations' organisers are the event's). */
export { mayManage, requireManage, getConsultation } from './consultations.service.js';
export { DEFAULT_TEMPLATE_ID } from './default-template.js';
export { seedDemoConsultations } from './consultations.seed.js';
export { registerSuggestionCounts, type SuggestionCounts, type SuggestionCountsProvider } from './suggestion-counts.js';

export const consultationsModule: HttpModule = { name: 'consultations', routes: consultationsRoutes };

export type { ConsultationsTables, ArtefactKind, ProcedureStep } from './consultations.table.js';
/** Read by other modules (suggestions): an event's row, and its artefacts. */
export { findConsultation, insertArtefact, listArtefacts } from './consultations.repository.js';

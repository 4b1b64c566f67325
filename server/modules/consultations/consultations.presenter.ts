import { evaluateConsultation, type ConsultationEvaluation } from './consultation-evaluation.js';
import { consultationActionsFrom, missingArtefacts } from './consultation.workflow.js';
import type { SuggestionCounts } from './suggestion-counts.js';
import type {
  ArtefactKind,
  CampaignTable,
  ConsultationArtefactTable,
  ConsultationAttendeeTable,
  ConsultationTable,
  ProcedureStep,
  ProcedureTemplateTable,
} from './consultations.table.js';

export const stepsOf = (json: string) => JSON.parse(json) as ProcedureStep[];

/** What an artefact row holds: agendas and invitations as structured JSON, the rest as text. */
interface AgendaBody {
  items: { kind: 'briefing' | 'questions' | 'answers' | 'speech'; title: string; speaker: string | null }[];
}
interface InvitationsBody {
  invitees: { kind: 'member' | 'resident' | 'sector_representative' | 'unit_representative'; name: string; affiliation: string | null; accountId: string | null; unitId: string | null }[];
}

export function presentCampaign(c: CampaignTable, events: number) {
  return {
    id: c.id,
    title: c.title,
    theme: c.theme,
    description: c.description,
    territoryCode: c.territory_code,
    startsOn: c.starts_on,
    endsOn: c.ends_on,
    targetEvents: c.target_events,
    targetSuggestions: c.target_suggestions,
    events,
    updatedAt: c.updated_at,
    version: c.version,
  };
}

export function presentTemplate(t: ProcedureTemplateTable) {
  return { id: t.id, name: t.name, description: t.description, steps: stepsOf(t.steps), active: t.active === 1, updatedAt: t.updated_at, version: t.version };
}

/** The kinds an event has: its artefacts, and a sign-in list once anyone has signed in. */
export function presentKindsOf(kinds: Iterable<ArtefactKind>, attendees: number): ArtefactKind[] {
  const set = new Set(kinds);
  if (attendees > 0) set.add('sign_in_list');
  return [...set].sort();
}

export function presentConsultationSummary(c: ConsultationTable, venueName: string | null, present: ArtefactKind[], attendees: number) {
  const steps = stepsOf(c.steps);
  const open = c.state === 'planned' || c.state === 'in_progress';
  return {
    id: c.id,
    title: c.title,
    mode: c.mode,
    venueId: c.venue_id,
    venueName,
    territoryCode: c.territory_code,
    campaignId: c.campaign_id,
    state: c.state,
    stepIndex: c.step_index,
    currentStep: steps[c.step_index] ?? null,
    missing: open ? missingArtefacts(steps, c.step_index, present) : [],
    attendees,
    startsAt: c.starts_at,
    endsAt: c.ends_at,
    organiser: c.organiser_label,
    updatedAt: c.updated_at,
    version: c.version,
  };
}

export function presentArtefact(a: ConsultationArtefactTable) {
  const agenda = a.kind === 'agenda' ? (JSON.parse(a.body) as AgendaBody) : null;
  const invitations = a.kind === 'invitations' ? (JSON.parse(a.body) as InvitationsBody) : null;
  return {
    id: a.id,
    kind: a.kind,
    title: a.title,
    body: agenda || invitations ? null : a.body,
    items: agenda?.items ?? null,
    invitees: invitations?.invitees ?? null,
    createdBy: a.created_by_label,
    createdAt: a.created_at,
  };
}

/** An attendee; the masked phone only for those who run the event. */
export function presentAttendee(a: ConsultationAttendeeTable, manager: boolean) {
  return {
    id: a.id,
    roleKind: a.role_kind,
    name: a.name,
    affiliation: a.affiliation,
    phone: manager ? a.phone_masked : null,
    speaker: a.speaker === 1,
    via: a.via,
    createdAt: a.created_at,
  };
}

export interface ConsultationParts {
  venueName: string | null;
  topics: { id: string; title: string }[];
  artefacts: ConsultationArtefactTable[];
  attendees: ConsultationAttendeeTable[];
  suggestions?: SuggestionCounts;
  manager: boolean;
}

/** The evaluation of an event from what it recorded (suggestion counts: the suggestions module's extension point). */
export function evaluationOf(c: ConsultationTable, artefacts: ConsultationArtefactTable[], attendees: ConsultationAttendeeTable[], suggestions?: SuggestionCounts): ConsultationEvaluation {
  return evaluateConsultation({
    attendees: attendees.map((a) => ({ roleKind: a.role_kind, speaker: a.speaker === 1 })),
    required: stepsOf(c.steps).flatMap((s) => s.requires),
    present: presentKindsOf(artefacts.map((a) => a.kind), attendees.length),
    ...(suggestions ? { suggestions } : {}),
  });
}

export function presentConsultation(c: ConsultationTable, p: ConsultationParts) {
  const present = presentKindsOf(p.artefacts.map((a) => a.kind), p.attendees.length);
  return {
    ...presentConsultationSummary(c, p.venueName, present, p.attendees.length),
    summary: c.summary,
    templateId: c.template_id,
    steps: stepsOf(c.steps),
    topics: p.topics,
    artefacts: p.artefacts.map(presentArtefact),
    presentKinds: present,
    attendance: p.attendees.map((a) => presentAttendee(a, p.manager)),
    evaluation: evaluationOf(c, p.artefacts, p.attendees, p.suggestions),
    allowedActions: p.manager ? consultationActionsFrom(c.state) : [],
    signInToken: p.manager ? c.sign_in_token : null,
    may: { manage: p.manager },
  };
}

/** The public page: what was announced. No people but agenda speakers, no ids of accounts. */
export function presentPublicConsultation(c: ConsultationTable, venue: { name: string; address: string } | null, artefacts: ConsultationArtefactTable[]) {
  const latest = (kind: ArtefactKind) => artefacts.filter((a) => a.kind === kind).at(-1);
  const announcement = latest('announcement');
  const agenda = latest('agenda');
  return {
    id: c.id,
    title: c.title,
    summary: c.summary,
    mode: c.mode,
    state: c.state,
    venueName: venue?.name ?? null,
    venueAddress: venue?.address ?? null,
    startsAt: c.starts_at,
    endsAt: c.ends_at,
    announcement: announcement ? { title: announcement.title, body: announcement.body } : null,
    agenda: agenda ? (JSON.parse(agenda.body) as AgendaBody).items : [],
    signInOpen: c.sign_in_token !== null && (c.state === 'planned' || c.state === 'in_progress'),
  };
}

/** What the audit trail keeps of an event's position. */
export function consultationAuditView(c: ConsultationTable) {
  return { state: c.state, stepIndex: c.step_index, step: stepsOf(c.steps)[c.step_index]?.key ?? null, version: c.version };
}

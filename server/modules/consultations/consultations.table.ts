/**
 * Consultation events (协商活动), the campaigns (协商议事月) they may belong to, and the
 * procedure templates (规程) they follow. A template's steps are copied into the event
 * when it is created, so editing a template changes events created afterwards only.
 */

/** What a step may require before an event moves past it. */
export const ARTEFACT_KINDS = [
  'announcement',
  'agenda',
  'invitations',
  'sign_in_list',
  'minutes',
  'photos',
  'research_report',
  'suggestion_list',
] as const;
export type ArtefactKind = (typeof ARTEFACT_KINDS)[number];

export const CONSULTATION_MODES = ['on_site', 'online', 'hybrid'] as const;
export type ConsultationMode = (typeof CONSULTATION_MODES)[number];

/** planned → (steps advance) → completed; cancelled from any open state. */
export const CONSULTATION_STATES = ['planned', 'in_progress', 'completed', 'cancelled'] as const;
export type ConsultationState = (typeof CONSULTATION_STATES)[number];

/** One step of a procedure: a key, its label, and the artefacts it requires. */
export interface ProcedureStep {
  key: string;
  label: string;
  requires: ArtefactKind[];
}

export interface CampaignTable {
  id: string;
  title: string;
  theme: string;
  description: string;
  /** null: the whole district. */
  territory_code: string | null;
  starts_on: string;
  ends_on: string;
  target_events: number | null;
  target_suggestions: number | null;
  created_at: string;
  updated_at: string;
  version: number;
}

export interface ProcedureTemplateTable {
  id: string;
  name: string;
  description: string;
  /** JSON ProcedureStep[]. */
  steps: string;
  active: number;
  created_at: string;
  updated_at: string;
  version: number;
}

export interface ConsultationTable {
  id: string;
  title: string;
  summary: string;
  mode: ConsultationMode;
  /** A hall, station or studio; null when online only. */
  venue_id: string | null;
  /** The town/street it concerns (the venue's, or chosen when online); null: the district. */
  territory_code: string | null;
  campaign_id: string | null;
  template_id: string;
  /** JSON ProcedureStep[]: the template's steps when the event was created. */
  steps: string;
  /** Index into steps of the step the event is at. */
  step_index: number;
  state: ConsultationState;
  starts_at: string;
  ends_at: string | null;
  /** Random token in the sign-in QR code; null once sign-in is closed. */
  sign_in_token: string | null;
  organiser_id: string | null;
  organiser_label: string;
  created_at: string;
  updated_at: string;
  version: number;
}

/** The topics an event consults on (one or several). */
export interface ConsultationTopicTable {
  consultation_id: string;
  topic_id: string;
  created_at: string;
}

/** A document an event's steps require: agenda, minutes, photos, a research report… */
export interface ConsultationArtefactTable {
  id: string;
  consultation_id: string;
  kind: ArtefactKind;
  title: string;
  /** Plain text, or JSON for structured kinds (an agenda's items). */
  body: string;
  /** JSON string[] of photo ids (appeal_photo-style uploads), may be '[]'. */
  photo_ids: string;
  created_by: string | null;
  created_by_label: string;
  created_at: string;
  updated_at: string;
  version: number;
}

/** How someone attended: the roles an attendance list distinguishes. */
export const ATTENDEE_KINDS = ['member', 'resident', 'sector_representative', 'unit_representative', 'leader'] as const;
export type AttendeeKind = (typeof ATTENDEE_KINDS)[number];

/** One person present at an event: signed in by QR code on a phone, or added by staff. */
export interface ConsultationAttendeeTable {
  id: string;
  consultation_id: string;
  role_kind: AttendeeKind;
  name: string;
  /** A sector (界别) or a unit's name, as the person or staff gave it. */
  affiliation: string | null;
  /** Set when a signed-in account signed in (or staff picked one). */
  account_id: string | null;
  /** SHA-256 of the event id and the phone: one sign-in per phone and event, the number not kept. */
  phone_hash: string | null;
  /** The phone as 138****1234, the only form anyone sees. */
  phone_masked: string | null;
  /** Spoke at the event (发言). */
  speaker: number;
  via: 'qr' | 'staff';
  created_by_label: string;
  created_at: string;
}

export interface ConsultationsTables {
  campaign: CampaignTable;
  procedure_template: ProcedureTemplateTable;
  consultation: ConsultationTable;
  consultation_topic: ConsultationTopicTable;
  consultation_artefact: ConsultationArtefactTable;
  consultation_attendee: ConsultationAttendeeTable;
}

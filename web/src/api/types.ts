/** Shapes of the Minhu JSON API (/api/v1) as the web app uses them. */

export type Permission =
  | 'territories:write'
  | 'accounts:manage'
  | 'units:read'
  | 'units:manage'
  | 'tokens:manage'
  | 'audit:read'
  | 'appeals:register'
  | 'appeals:configure'
  | 'appeals:work'
  | 'appeals:read'
  | 'calendar:manage'
  | 'topics:read'
  | 'topics:propose'
  | 'topics:cluster'
  | 'topics:review'
  | 'venues:read'
  | 'venues:manage'
  | 'venues:roster'
  | 'members:manage'
  | 'duty:own'
  | 'consultations:read'
  | 'consultations:manage'
  | 'consultations:templates'
  | 'campaigns:manage'
  | 'visits:record'
  | 'visits:read'
  | 'suggestions:read'
  | 'suggestions:manage'
  | 'suggestions:assign'
  | 'suggestions:handle'
  | 'suggestions:feedback'
  | 'inbox:read'
  | 'showcase:manage';

export const PERMISSIONS: readonly Permission[] = [
  'territories:write',
  'accounts:manage',
  'units:read',
  'units:manage',
  'tokens:manage',
  'audit:read',
  'appeals:register',
  'appeals:configure',
  'appeals:work',
  'appeals:read',
  'calendar:manage',
  'topics:read',
  'topics:propose',
  'topics:cluster',
  'topics:review',
  'venues:read',
  'venues:manage',
  'venues:roster',
  'members:manage',
  'duty:own',
  'consultations:read',
  'consultations:manage',
  'consultations:templates',
  'campaigns:manage',
  'visits:record',
  'visits:read',
  'suggestions:read',
  'suggestions:manage',
  'suggestions:assign',
  'suggestions:handle',
  'suggestions:feedback',
  'inbox:read',
  'showcase:manage',
];

export type Role =
  | 'resident'
  | 'member'
  | 'station_head'
  | 'town_official'
  | 'district_staff'
  | 'dispatcher'
  | 'unit_clerk'
  | 'admin';

export const ROLES: readonly Role[] = [
  'resident',
  'member',
  'station_head',
  'town_official',
  'district_staff',
  'dispatcher',
  'unit_clerk',
  'admin',
];

export type ScopeType = 'district' | 'territory' | 'venue' | 'unit';

/** Which scopes each role may be granted with (mirrors the server's policy table). */
export const ROLE_SCOPES: Record<Role, readonly ScopeType[]> = {
  resident: ['district'],
  member: ['district', 'venue'],
  station_head: ['venue'],
  town_official: ['territory'],
  district_staff: ['district'],
  dispatcher: ['district', 'territory'],
  unit_clerk: ['unit'],
  admin: ['district'],
};

export interface Grant {
  id: string;
  role: Role;
  scopeType: ScopeType;
  scopeId: string;
  scopeName: string | null;
}

export interface GrantInput {
  role: Role;
  scopeType: ScopeType;
  scopeId: string;
}

export interface SessionAccount {
  id: string;
  username: string;
  displayName: string;
  phone: string | null;
  mustChangePassword: boolean;
}

export interface SignedInSession {
  authenticated: true;
  account: SessionAccount;
  grants: Grant[];
  permissions: string[];
  csrfToken: string;
}

export type Session = { authenticated: false } | SignedInSession;

export interface Page {
  limit: number;
  offset: number;
  total: number;
}

export interface ListResponse<T> {
  items: T[];
  page: Page;
}

export type TerritoryLevel = 'province' | 'city' | 'county' | 'town' | 'village';

export interface Territory {
  code: string;
  statCode: string;
  name: string;
  level: TerritoryLevel;
  parentCode: string | null;
  validFrom: string | null;
  validTo: string | null;
  childCount?: number;
}

export type AccountStatus = 'active' | 'disabled';

export interface Account {
  id: string;
  username: string;
  displayName: string;
  phone: string | null;
  status: AccountStatus;
  mustChangePassword: boolean;
  lockedUntil: string | null;
  lastLoginAt: string | null;
  createdAt: string;
  version: number;
  grants: Grant[];
}

export type UnitKind = 'government' | 'non_government';

export interface Unit {
  id: string;
  name: string;
  kind: UnitKind;
  territoryCode: string | null;
  phone: string | null;
  address: string | null;
  active: boolean;
  version: number;
}

export interface ApiToken {
  id: string;
  name: string;
  prefix: string;
  accountId: string;
  accountUsername: string;
  scopes: string[];
  createdAt: string;
  expiresAt: string | null;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export interface AuditEvent {
  seq: number;
  occurredAt: string;
  actorId: string | null;
  actorLabel: string;
  action: string;
  resourceType: string;
  resourceId: string | null;
  before: unknown;
  after: unknown;
  requestId: string | null;
  ip: string | null;
}

export interface AuditVerification {
  ok: boolean;
  checked: number;
  lastSeq: number;
  broken?: { seq: number; reason: 'hash' | 'link' | 'gap' | 'head' };
}

export type AppealState =
  | 'registered'
  | 'dispatched'
  | 'return_requested'
  | 'signed'
  | 'in_progress'
  | 'extension_requested'
  | 'replied'
  | 'awaiting_feedback'
  | 'rated'
  | 'closed'
  | 'archived'
  | 'merged';

export const APPEAL_STATES: readonly AppealState[] = [
  'registered',
  'dispatched',
  'return_requested',
  'signed',
  'in_progress',
  'extension_requested',
  'replied',
  'awaiting_feedback',
  'rated',
  'closed',
  'archived',
  'merged',
];

export type AppealAction =
  | 'answer_directly'
  | 'dispatch'
  | 'sign'
  | 'request_return'
  | 'approve_return'
  | 'refuse_return'
  | 'start'
  | 'request_extension'
  | 'approve_extension'
  | 'refuse_extension'
  | 'remind'
  | 'supervise'
  | 'reply'
  | 'review_accept'
  | 'review_send_back'
  | 'rate'
  | 'reopen'
  | 'final_answer'
  | 'close'
  | 'archive'
  | 'merge';

/** Timeline entries also record registration and the timers' own steps. */
export type AppealEventAction = AppealAction | 'register' | 'overdue' | 'escalate';

export const APPEAL_EVENT_ACTIONS: readonly AppealEventAction[] = [
  'register',
  'answer_directly',
  'dispatch',
  'sign',
  'request_return',
  'approve_return',
  'refuse_return',
  'start',
  'request_extension',
  'approve_extension',
  'refuse_extension',
  'remind',
  'supervise',
  'reply',
  'review_accept',
  'review_send_back',
  'rate',
  'reopen',
  'final_answer',
  'close',
  'archive',
  'merge',
  'overdue',
  'escalate',
];

export type AppealRating = 'satisfied' | 'basically_satisfied' | 'unsatisfied';
export type ClockKind = 'dispatch' | 'sign' | 'return' | 'reply' | 'review' | 'callback' | 'requested_extension';

export interface AppealClock {
  kind: ClockKind | string;
  dueAt: string | null;
  overdue: boolean;
}

export interface Category {
  id: string;
  code: string;
  parentId: string | null;
  nameZh: string;
  nameEn: string;
  deadlineClass: string;
}

/** A category as its administrators see it (appeals:configure). */
export interface AdminCategory extends Category {
  active: boolean;
  sort: number;
  /** Appeals are filed under it: it can be deactivated, not deleted. */
  inUse: boolean;
  createdAt: string;
  updatedAt: string;
  version: number;
}

export type DeadlineUnit = 'wd' | 'minutes';

export interface DeadlineClass {
  code: string;
  nameZh: string;
  nameEn: string;
  amount: number;
  unit: DeadlineUnit;
  /** The extension class only: how many extensions one appeal may have approved. */
  maxCount: number | null;
  /** 'step': a workflow step's clock; 'reply': a reply deadline categories may use. */
  usage: 'step' | 'reply';
  updatedAt: string;
  version: number;
}

/** A text search of appeals ranks and counts at most this many of the newest matches (the server's TEXT_WINDOW). */
export const APPEAL_TEXT_SEARCH_WINDOW = 200;

export interface AppealSummary {
  id: string;
  trackingNo: string;
  channel: string;
  category: { id: string; code: string; nameZh: string; nameEn: string };
  territoryCode: string;
  address: string | null;
  description: string;
  residentName: string | null;
  residentPhone: string | null;
  anonymous: boolean;
  confidential: boolean;
  urgent: boolean;
  supervised: boolean;
  onBehalf: boolean;
  state: AppealState;
  deadlineClass: string;
  clocks: AppealClock[];
  extensionsApproved: number;
  pendingUntil: string | null;
  rating: AppealRating | null;
  mergedInto: string | null;
  /** Spam signals in the text: the appeal is handled as any other, staff see why it was flagged. */
  moderation: { flagged: boolean; reasons: ('link_flood' | 'repeated_text' | 'placeholder')[] };
  createdAt: string;
  closedAt: string | null;
  version: number;
}

/** A photo on an appeal's timeline; `url` serves it to those who may read the appeal. */
export interface AppealPhoto {
  id: string;
  mime: string;
  size: number;
  width: number;
  height: number;
  url: string;
}

/** An uploaded photo waiting to be attached by an intake or a reply. */
export interface PhotoUpload {
  id: string;
  mime: string;
  size: number;
  width: number;
  height: number;
  expiresAt: string;
}

export interface AppealEvent {
  action: string;
  fromState: string | null;
  toState: string;
  actorLabel: string;
  payload: Record<string, unknown> | null;
  at: string;
  photos: AppealPhoto[];
}

/** What a resident learns while typing: similar open appeals nearby, without their text. */
export interface SimilarHint {
  state: AppealState;
  territoryCode: string;
  createdAt: string;
}

export interface ResidentReceipt {
  trackingNo: string;
  state: AppealState;
  createdAt: string;
  statusPath: string;
}

export interface Appeal extends AppealSummary {
  units: { unitId: string; role: 'lead' | 'assisting'; name: string }[];
  allowedActions: AppealAction[];
  timeline: AppealEvent[];
}

export interface AppealStatus {
  trackingNo: string;
  category: { nameZh: string; nameEn: string };
  state: AppealState;
  open311Status: 'open' | 'closed';
  createdAt: string;
  closedAt: string | null;
  photoCount: number;
  steps: { action: string; toState: string; at: string; text: string | null }[];
}

export type VenueKind = 'hall' | 'station' | 'studio';
export const VENUE_KINDS: readonly VenueKind[] = ['hall', 'station', 'studio'];
export type StationKind = 'village' | 'community' | 'park' | 'building' | 'business_district';
export const STATION_KINDS: readonly StationKind[] = ['village', 'community', 'park', 'building', 'business_district'];
export type DutyFrequency = 'weekly' | 'monthly' | 'daily';
export type HolidayPolicy = 'skip' | 'flag';

export interface OpeningHours {
  ranges: { weekday: number; from: string; to: string }[];
  note: string | null;
}

export interface PersonRef {
  accountId: string;
  name: string;
}

export interface Venue {
  id: string;
  kind: VenueKind;
  stationKind: StationKind | null;
  name: string;
  territoryCode: string | null;
  territoryName: string | null;
  address: string;
  openingHours: OpeningHours;
  head: PersonRef | null;
  public: boolean;
  active: boolean;
  createdAt: string;
  updatedAt: string;
  version: number;
}

export interface VenueMember extends PersonRef {
  term: number | null;
  sector: string | null;
  committee: string | null;
}

export interface DutyException {
  id: string;
  ruleId: string;
  kind: 'cancel' | 'move' | 'add';
  date: string;
  newDate: string | null;
  startTime: string | null;
  endTime: string | null;
  note: string | null;
}

export interface DutyRule {
  id: string;
  venueId: string;
  member: PersonRef;
  freq: DutyFrequency;
  interval: number;
  weekdays: number[];
  monthDays: number[];
  startDate: string;
  endDate: string | null;
  startTime: string;
  endTime: string;
  holidays: HolidayPolicy;
  note: string | null;
  exceptions: DutyException[];
  version: number;
}

export interface VenueDetail extends Venue {
  members: VenueMember[];
  rules: DutyRule[];
  may: { manage: boolean; roster: boolean };
}

export interface DutySlot {
  ruleId: string;
  venueId: string;
  venueName: string;
  member: PersonRef;
  date: string;
  startTime: string;
  endTime: string;
  holiday: boolean;
  origin: 'rule' | 'moved' | 'added';
  movedFrom: string | null;
}

export interface MemberProfile extends VenueMember {
  venues: { id: string; name: string; kind: VenueKind }[];
  version: number | null;
}

export interface PublicVenue {
  id: string;
  kind: VenueKind;
  stationKind: StationKind | null;
  name: string;
  territoryName: string | null;
  address: string;
  openingHours: OpeningHours;
}

export interface PublicDuty {
  name: string;
  startTime: string;
  endTime: string;
  holiday: boolean;
}

export interface PublicVenueDetail extends PublicVenue {
  head: string | null;
  members: { name: string; sector: string | null }[];
  today: { date: string; duty: PublicDuty[] };
}

// Consultation events (协商活动), campaigns (协商议事月) and procedure templates (规程).
export const ARTEFACT_KINDS = ['announcement', 'agenda', 'invitations', 'sign_in_list', 'minutes', 'photos', 'research_report', 'suggestion_list'] as const;
export type ArtefactKind = (typeof ARTEFACT_KINDS)[number];
/** The kinds a person adds; the sign-in list comes from attendance, the suggestion list from the suggestions module. */
export const ADDABLE_ARTEFACT_KINDS = ['announcement', 'agenda', 'invitations', 'minutes', 'photos', 'research_report'] as const;
export type AddableArtefactKind = (typeof ADDABLE_ARTEFACT_KINDS)[number];
export const CONSULTATION_STATES = ['planned', 'in_progress', 'completed', 'cancelled'] as const;
export type ConsultationState = (typeof CONSULTATION_STATES)[number];
export const CONSULTATION_MODES = ['on_site', 'online', 'hybrid'] as const;
export type ConsultationMode = (typeof CONSULTATION_MODES)[number];
export const ATTENDEE_KINDS = ['member', 'resident', 'sector_representative', 'unit_representative', 'leader'] as const;
export type AttendeeKind = (typeof ATTENDEE_KINDS)[number];
export const AGENDA_ITEM_KINDS = ['briefing', 'questions', 'answers', 'speech'] as const;
export type AgendaItemKind = (typeof AGENDA_ITEM_KINDS)[number];
export const INVITEE_KINDS = ['member', 'resident', 'sector_representative', 'unit_representative'] as const;
export type InviteeKind = (typeof INVITEE_KINDS)[number];

export interface ProcedureStep {
  key: string;
  label: string;
  requires: ArtefactKind[];
}

export interface ProcedureTemplate {
  id: string;
  name: string;
  description: string;
  steps: ProcedureStep[];
  active: boolean;
  updatedAt: string;
  version: number;
}

export interface Campaign {
  id: string;
  title: string;
  theme: string;
  description: string;
  territoryCode: string | null;
  startsOn: string;
  endsOn: string;
  targetEvents: number | null;
  targetSuggestions: number | null;
  events: number;
  updatedAt: string;
  version: number;
}

export type TopicState = 'draft' | 'submitted' | 'returned' | 'filed' | 'rejected';
export const TOPIC_STATES: readonly TopicState[] = ['draft', 'submitted', 'returned', 'filed', 'rejected'];
export type TopicAction = 'submit' | 'approve' | 'return' | 'reject' | 'withdraw';
export const TOPIC_ACTIONS: readonly TopicAction[] = ['submit', 'approve', 'return', 'reject', 'withdraw'];
/** Where a topic came from (点题): the committee (district or town), a member, or a cluster of appeals. */
export type TopicSource = 'committee' | 'member' | 'appeals';

export interface TopicSummary {
  id: string;
  title: string;
  source: TopicSource;
  territoryCode: string | null;
  state: TopicState;
  proposer: string;
  appealCount?: number;
  createdAt: string;
  updatedAt: string;
  version: number;
}

export interface ConsultationSummary {
  id: string;
  title: string;
  mode: ConsultationMode;
  venueId: string | null;
  venueName: string | null;
  territoryCode: string | null;
  campaignId: string | null;
  state: ConsultationState;
  stepIndex: number;
  currentStep: ProcedureStep | null;
  missing: ArtefactKind[];
  attendees: number;
  startsAt: string;
  endsAt: string | null;
  organiser: string;
  updatedAt: string;
  version: number;
}

export interface AgendaItem {
  kind: AgendaItemKind;
  title: string;
  speaker: string | null;
}

export interface Invitee {
  kind: InviteeKind;
  name: string;
  affiliation: string | null;
  accountId: string | null;
  unitId: string | null;
}

export interface ConsultationArtefact {
  id: string;
  kind: ArtefactKind;
  title: string;
  body: string | null;
  items: AgendaItem[] | null;
  invitees: Invitee[] | null;
  createdBy: string;
  createdAt: string;
}

export interface Attendee {
  id: string;
  roleKind: AttendeeKind;
  name: string;
  affiliation: string | null;
  phone: string | null;
  speaker: boolean;
  via: 'qr' | 'staff';
  createdAt: string;
}

export interface ConsultationEvaluation {
  attendees: number;
  membersPresent: number;
  residents: number;
  sectorRepresentatives: number;
  unitRepresentatives: number;
  leadersPresent: number;
  speakers: number;
  artefactsRequired: number;
  artefactsPresent: number;
  suggestions: number | null;
  adopted: number | null;
  adoptionRate: number | null;
  implemented: number | null;
  implementationRate: number | null;
  satisfactionRate: number | null;
}

export interface ConsultationDetail extends ConsultationSummary {
  summary: string;
  templateId: string;
  steps: ProcedureStep[];
  topics: { id: string; title: string }[];
  artefacts: ConsultationArtefact[];
  presentKinds: ArtefactKind[];
  attendance: Attendee[];
  evaluation: ConsultationEvaluation;
  allowedActions: ('advance' | 'cancel')[];
  signInToken: string | null;
  may: { manage: boolean };
}

export interface PublicConsultation {
  id: string;
  title: string;
  summary: string;
  mode: ConsultationMode;
  state: ConsultationState;
  venueName: string | null;
  venueAddress: string | null;
  startsAt: string;
  endsAt: string | null;
  announcement: { title: string; body: string } | null;
  agenda: AgendaItem[];
  signInOpen: boolean;
}
export interface TopicEvent {
  action: string;
  fromState: string | null;
  toState: string;
  actor: string;
  comment: string | null;
  at: string;
}

export interface Topic extends TopicSummary {
  description: string;
  appealIds: string[];
  /** Reference facts of the linked appeals (their text stays with the appeal). */
  appeals: { id: string; trackingNo: string; state: string; territoryCode: string; createdAt: string }[];
  allowedActions: TopicAction[];
  editable: boolean;
  history: TopicEvent[];
}

export type Trend = 'rising' | 'steady' | 'falling';

/** A cluster of similar appeals: a candidate topic. */
export interface TopicCandidate {
  size: number;
  appealIds: string[];
  keyTerms: string[];
  categoryId: string;
  townCode: string;
  /** Appeals per eighth of the period, oldest first. */
  series: number[];
  trend: Trend;
  samples: { id: string; trackingNo: string; description: string; territoryCode: string; state: string; createdAt: string }[];
  linkedTopicIds: string[];
}

export interface TopicCandidates {
  appealsConsidered: number;
  truncated: boolean;
  clusters: TopicCandidate[];
}

export type ConcernStatus = 'noted' | 'appeal' | 'topic';

/** A concern heard on a visit: noted, filed as an appeal, or attached to a topic. */
export interface VisitConcern {
  id: string;
  text: string;
  status: ConcernStatus;
  appealId: string | null;
  topicId: string | null;
}

/** A member's visit (走访); `place` only reaches the member who made it. */
export interface Visit {
  id: string;
  member: string;
  visitedOn: string;
  territoryCode: string;
  place: string | null;
  summary: string;
  concerns: VisitConcern[];
  mine: boolean;
  createdAt: string;
  updatedAt: string;
  version: number;
}
/** Suggestions (意见建议) raised at consultation events and their journey to a result. */
export type SuggestionState = 'proposed' | 'decided' | 'merged' | 'assigned' | 'objected' | 'signed' | 'replied' | 'reopened' | 'closed';
export type SuggestionDecision = 'adopted' | 'partly_adopted' | 'not_adopted' | 'reference';
export type ReplyGrade = 'A' | 'B' | 'C' | 'D';
export type Rating = 'satisfied' | 'basically_satisfied' | 'unsatisfied';
export type SuggestionAction = 'edit' | 'decide' | 'merge' | 'assign' | 'sign' | 'object' | 'uphold' | 'reassign' | 'reply' | 'progress' | 'feedback';

export interface SuggestionReply {
  grade: ReplyGrade;
  text: string;
  evidence: string;
  unit: string;
  at: string;
}
export interface SuggestionMilestone {
  percent: number;
  milestone: string;
  onDate: string;
  at: string;
}

export interface SuggestionSummary {
  id: string;
  consultationId: string;
  event: string;
  seq: number;
  text: string;
  state: SuggestionState;
  decision: SuggestionDecision | null;
  units: { unitId: string; name: string; role: 'lead' | 'assisting' }[];
  signDueAt: string | null;
  replyDueAt: string | null;
  overdue: boolean;
  grade: ReplyGrade | null;
  progress: number;
  version: number;
}

export interface Suggestion extends SuggestionSummary {
  decisionReason: string | null;
  mergedInto: string | null;
  deadlineDays: number | null;
  issuedAt: string | null;
  authors: { accountId: string | null; name: string; isMember: boolean }[];
  appeals: { id: string; trackingNo: string }[];
  replies: SuggestionReply[];
  milestones: SuggestionMilestone[];
  feedback: { asRole: 'proposer' | 'resident'; replyRating: Rating; resultRating: Rating; comment: string | null; at: string }[];
  history: { action: string; fromState: string | null; toState: string; actor: string; comment: string | null; detail: Record<string, unknown>; at: string }[];
  allowedActions: SuggestionAction[];
}

export interface SuggestionRollup {
  suggestions: number;
  decided: number;
  adopted: number;
  adoptionRate: number | null;
  assigned: number;
  replied: number;
  implemented: number;
  implementationRate: number | null;
  averageProgress: number | null;
  ratings: number;
  satisfaction: number | null;
}

export interface EventSuggestions {
  consultationId: string;
  title: string;
  items: Suggestion[];
  rollup: SuggestionRollup;
}

export interface PublicSuggestion {
  id: string;
  event: { id: string; title: string; startsAt: string };
  seq: number;
  text: string;
  state: SuggestionState;
  decision: SuggestionDecision | null;
  decisionReason: string | null;
  members: string[];
  otherAuthors: number;
  appealCount: number;
  units: { name: string; role: 'lead' | 'assisting' }[];
  replyDueAt: string | null;
  grade: ReplyGrade | null;
  progress: number;
  replies: SuggestionReply[];
  milestones: SuggestionMilestone[];
  feedback: { reply: Record<Rating, number>; result: Record<Rating, number> };
  journey: { step: string; toState: string; at: string; detail: Record<string, unknown> }[];
}

export interface PublicEventResults {
  event: { id: string; title: string; startsAt: string };
  items: PublicSuggestion[];
  rollup: SuggestionRollup;
}

// Public dashboards (数据看板): figures, coverage, campaign progress and the records behind a figure.
export const FIGURE_KEYS = [
  'appeals',
  'appeals_closed',
  'sign_on_time_rate',
  'completion_on_time_rate',
  'return_rate',
  'reopen_rate',
  'satisfaction_rate',
  'resolution_rate',
  'topics_filed',
  'events',
  'events_completed',
  'suggestions',
  'adoption_rate',
  'implementation_rate',
] as const;
export type FigureKey = (typeof FIGURE_KEYS)[number];

export interface DashboardFigure {
  key: FigureKey;
  /** A rate in 0..1 (null when the denominator is 0) or a count. */
  value: number | null;
  numerator: number;
  denominator: number | null;
  kind: 'count' | 'rate';
  /** API-relative link to the records behind the figure. */
  records: string;
}

export interface DashboardFilters {
  from: string;
  to: string;
  territory: string;
  venue: string | null;
  category: string | null;
  campaign: string | null;
}

export interface DashboardResponse {
  filters: DashboardFilters;
  scope: { code: string; name: string; level: 'county' | 'town' | 'village'; venue: { id: string; name: string } | null };
  figures: DashboardFigure[];
  byCategory: { id: string; name: string; nameEn: string; count: number }[];
  byTerritory: { code: string; name: string; count: number }[];
  byMonth: { month: string; appeals: number; closed: number; suggestions: number; events: number }[];
  generatedAt: string;
  dataVersion: number;
}

export interface CoverageTown {
  code: string;
  name: string;
  halls: number;
  stations: number;
  studios: number;
  members: number;
  events: number;
}

export interface CoverageStation {
  id: string;
  name: string;
  townCode: string;
  kind: 'hall' | 'station' | 'studio';
  members: number;
  events: number;
  href: string;
}

export interface CoverageResponse {
  district: { code: string; name: string };
  towns: CoverageTown[];
  summary: { towns: number; townsWithHall: number; townsWithStation: number; stations: number; members: number; events: number };
  stations: CoverageStation[];
}

export interface CampaignProgressResponse {
  campaign: { id: string; title: string; startsOn: string; endsOn: string; targetEvents: number | null; targetSuggestions: number | null; territoryCode: string | null };
  days: { date: string; events: number; eventsCumulative: number; suggestions: number; suggestionsCumulative: number }[];
  totals: { events: number; suggestions: number; adopted: number; towns: number; townsCovered: number };
}

export type FigureRecord =
  | { kind: 'appeal'; trackingNo: string; category: string; categoryEn: string; townName: string; month: string; state: string; counted: boolean; href: null }
  | { kind: 'suggestion'; id: string; text: string; eventTitle: string; state: string; decision: string | null; counted: boolean; href: string }
  | { kind: 'event'; id: string; title: string; venueName: string | null; startsAt: string; state: string; counted: boolean; href: string }
  | { kind: 'topic'; id: string; title: string; townName: string | null; filedAt: string | null; counted: boolean; href: string };

export interface RecordsResponse {
  figure: FigureKey;
  kind: 'appeal' | 'suggestion' | 'event' | 'topic';
  total: number;
  page: number;
  pageSize: number;
  items: FigureRecord[];
}

// 成果展示 (showcase), public search and open data.
export type ShowcaseKind = 'consultation' | 'appeal';
export type ChainStepKey = 'concern' | 'topic' | 'event' | 'suggestion' | 'reply' | 'implementation' | 'rating';
export interface ShowcaseSummary {
  id: string;
  kind: ShowcaseKind;
  title: string;
  summary: string;
  townName: string | null;
  publishedAt: string;
  photo: string | null;
  href: string;
}
export interface ShowcaseChainStep {
  step: ChainStepKey;
  title: string;
  text: string | null;
  at: string | null;
  href: string | null;
  photos: string[];
}
export interface ShowcaseDetail extends ShowcaseSummary {
  chain: ShowcaseChainStep[];
}
export interface ShowcasePhotoChoice {
  id: string;
  appealId: string;
  url: string;
  width: number;
  height: number;
}
export interface ShowcaseCandidates {
  suggestions: { kind: 'consultation'; refId: string; text: string; eventTitle: string; townName: string | null; progress: number; grade: string | null; updatedAt: string; photos: ShowcasePhotoChoice[] }[];
  appeals: { kind: 'appeal'; refId: string; trackingNo: string; category: string; description: string; townName: string | null; rating: string | null; closedAt: string | null; photos: ShowcasePhotoChoice[] }[];
}
export interface ShowcaseStaffItem {
  id: string;
  kind: ShowcaseKind;
  refId: string;
  title: string;
  summary: string;
  townName: string | null;
  photoIds: string[];
  publishedBy: string;
  publishedAt: string;
  unpublishedAt: string | null;
  published: boolean;
  version: number;
}
export const SEARCH_KINDS = ['showcase', 'topic', 'event', 'suggestion', 'venue'] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];
export interface SearchResponse {
  q: string;
  kind: SearchKind | null;
  total: number;
  page: number;
  pageSize: number;
  counts: Record<SearchKind, number>;
  items: { kind: SearchKind; id: string; title: string; snippet: string; townName: string | null; href: string | null; updatedAt: string }[];
}
export interface OpenDataCatalogue {
  licence: { name: string; url: string };
  datasets: {
    id: string;
    title: { zh: string; en: string };
    description: { zh: string; en: string };
    licence: { name: string; url: string };
    fields: { name: string; type: string; description: { zh: string; en: string } }[];
    formats: ('csv' | 'json')[];
    downloads: { csv: string; json: string };
    rowCount: number;
    updatedAt: string | null;
  }[];
}

/* Online micro-consultation (线上微协商) and its opinion map. */
export type OnlineIdentity = 'phone' | 'device';
export type OnlineModeration = 'pre' | 'post';
export type OnlineState = 'open' | 'closed';
export type OnlineStatementStatus = 'pending' | 'accepted' | 'rejected';
export interface OnlineSummary {
  id: string;
  title: string;
  state: OnlineState;
  eventId: string | null;
  topicId: string | null;
  participants: number;
  statements: number;
}
export interface OnlinePublicDetail {
  id: string;
  title: string;
  description: string;
  identity: OnlineIdentity;
  moderation: OnlineModeration;
  state: OnlineState;
  participants: number;
  statements: number;
  votes: number;
  event: { id: string; title: string } | null;
  topic: { id: string; title: string } | null;
}
export interface OnlineNext {
  statement: { id: string; seq: number; text: string } | null;
  voted: number;
  remaining: number;
}
export type Vote = 1 | -1 | 0;
export interface MapStatementLine {
  statementId: string;
  seq: number;
  text: string;
  direction?: 'agree' | 'disagree';
  agreePercent?: number;
  disagreePercent?: number;
  votes: number;
}
export interface MapGroup {
  id: number;
  label: string;
  size: number;
  centre: { x: number; y: number };
  representative: MapStatementLine[];
}
export interface MapStatement {
  id: string;
  seq: number;
  text: string;
  meta: boolean;
  agree: number;
  disagree: number;
  pass: number;
  votes: number;
  groupInformedConsensus: number;
  x: number;
  y: number;
  perGroup: { group: number; agree: number; disagree: number; pass: number; votes: number }[];
}
export interface OpinionMapView {
  version: number;
  computedAt: string | null;
  participants: number;
  grouped: number;
  votes: number;
  groups: MapGroup[];
  consensus: { agree: MapStatementLine[]; disagree: MapStatementLine[] };
  statements: MapStatement[];
  points: [number, number, number][];
  me: { x: number; y: number; group: number } | null;
}
export interface OnlineStatementRow {
  id: string;
  seq: number;
  text: string;
  origin: 'seed' | 'participant';
  status: OnlineStatementStatus;
  meta: boolean;
  votes: number;
  agree: number;
  disagree: number;
  pass: number;
  suggestionId: string | null;
  createdAt: string;
}
export interface OnlineAdminDetail extends Omit<OnlinePublicDetail, 'statements'> {
  statements: OnlineStatementRow[];
  pendingCount: number;
}

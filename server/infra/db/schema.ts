/**
 * The whole database as Kysely sees it. Each module owns its table types in its own
 * `*.table.ts`; this file only composes them (type-only imports, erased at build time).
 */
import type { AuditTables } from '../audit/audit.table.js';
import type { CalendarTables } from '../calendar/calendar.table.js';
import type { TimerTables } from '../timers/timer.table.js';
import type { NotificationsTables } from '../../modules/notifications/notifications.table.js';
import type { VerificationTables } from '../../modules/verification/verification.table.js';
import type { AccountsTables } from '../../modules/accounts/accounts.table.js';
import type { AppealsTables } from '../../modules/appeals/appeals.table.js';
import type { TerritoriesTables } from '../../modules/territories/territories.table.js';
import type { TopicsTables } from '../../modules/topics/topics.table.js';
import type { ConsultationsTables } from '../../modules/consultations/consultations.table.js';
import type { VenuesTables } from '../../modules/venues/venues.table.js';
import type { VisitsTables } from '../../modules/visits/visits.table.js';
import type { SuggestionsTables } from '../../modules/suggestions/suggestions.table.js';
import type { DashboardsTables } from '../../modules/dashboards/dashboards.table.js';
import type { ShowcaseTables } from '../../modules/showcase/showcase.table.js';
import type { PublicSearchTables } from '../../modules/public-search/public-search.table.js';
import type { OnlineConsultationsTables } from '../../modules/online-consultations/online.table.js';

export interface DB
  extends AuditTables,
    CalendarTables,
    TimerTables,
    AccountsTables,
    TerritoriesTables,
    AppealsTables,
    NotificationsTables,
    VerificationTables,
    TopicsTables,
    VenuesTables,
    ConsultationsTables,
    VisitsTables,
    SuggestionsTables,
    DashboardsTables,
    ShowcaseTables,
    PublicSearchTables,
    OnlineConsultationsTables {}

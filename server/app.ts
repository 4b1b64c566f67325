import type { Logger } from 'pino';
import type { Config } from './config.js';
import { openDatabase, type DatabaseHandle } from './infra/db/database.js';
import { migrateToLatest } from './infra/db/migrate.js';
import { buildHttpApp, type ZodApp } from './infra/http/app.js';
import { ChangeSignal } from './infra/db/change-signal.js';
import { accountsModule, createAuthenticator } from './modules/accounts/index.js';
import { auditModule } from './modules/audit/index.js';
import { territoriesModule } from './modules/territories/index.js';
import { calendarModule } from './modules/calendar/index.js';
import { AppealSearchIndexer, appealsModule, PhotoSweeper, registerAppealTimers } from './modules/appeals/index.js';
import { open311Module } from './modules/open311/index.js';
import { topicsModule } from './modules/topics/index.js';
import { venuesModule } from './modules/venues/index.js';
import { consultationsModule } from './modules/consultations/index.js';
import { visitsModule } from './modules/visits/index.js';
import { suggestionsModule } from './modules/suggestions/index.js';
import { AppealAggregator, dashboardsModule } from './modules/dashboards/index.js';
import { verificationModule } from './modules/verification/index.js';
import { notificationsModule, OutboxDrainer, logAdapter } from './modules/notifications/index.js';
import { TimerRunner } from './infra/timers/timer-runner.js';
import { CalendarService } from './infra/calendar/calendar.service.js';
import { GroupCommitter } from './infra/group-commit.js';
import { showcaseModule } from './modules/showcase/index.js';
import { PublicSearchIndexer, publicSearchModule } from './modules/public-search/index.js';
import { openDataModule } from './modules/open-data/index.js';
import { publicPagesModule } from './modules/public-pages/index.js';
import { OpinionMapWorker, onlineConsultationsModule } from './modules/online-consultations/index.js';

/** Every domain module with HTTP routes, in dependency order. */
export const MODULES = [territoriesModule, accountsModule, auditModule, calendarModule, notificationsModule, verificationModule, appealsModule, open311Module, topicsModule, venuesModule, consultationsModule, visitsModule, suggestionsModule, dashboardsModule, showcaseModule, publicSearchModule, openDataModule, onlineConsultationsModule, publicPagesModule];

/** Builds the HTTP app on an open database: the composition root. */
export async function createApp(config: Config, database: DatabaseHandle, logger: Logger): Promise<ZodApp> {
  const changes = new ChangeSignal(config.database, logger);
  const app = await buildHttpApp(
    { config, database, logger, calendar: new CalendarService(database.db), committer: new GroupCommitter(database.db, logger), changes },
    { modules: MODULES, authenticator: createAuthenticator(database.db, config) },
  );
  app.addHook('onClose', () => changes.close());
  return app;
}

/** Opens the configured database and applies pending migrations. */
export async function openAndMigrate(config: Config): Promise<DatabaseHandle> {
  const database = openDatabase(config.database);
  await migrateToLatest(database.db);
  return database;
}

/** Background work of a process: durable timers, the message outbox, the search indexer, expired photo uploads. */
export interface Workers {
  timers: TimerRunner;
  outbox: OutboxDrainer;
  search: AppealSearchIndexer;
  photos: PhotoSweeper;
  /** Keeps the dashboards' facts and cubes current (every `searchEveryMs`, like the search index). */
  dashboards: AppealAggregator;
  /** The public search index (topics, events, suggestions, showcase items, venues). */
  publicSearch: PublicSearchIndexer;
  /** Recomputes the opinion maps of online consultations whose votes or moderation changed (every `searchEveryMs`; at most once a second per consultation). */
  opinionMaps: OpinionMapWorker;
  /** Timers, outbox and photo sweep every `everyMs`; the search indexer every `searchEveryMs` (it must keep up within a second). */
  start(everyMs: number, searchEveryMs?: number): void;
  stop(): Promise<void>;
}

/** The timers, outbox drainer, indexers, aggregator and opinion-map worker with every module's handlers registered. */
export function createWorkers(database: DatabaseHandle, logger: Logger): Workers {
  const timers = new TimerRunner(database.db, logger);
  registerAppealTimers(timers);
  const outbox = new OutboxDrainer(database.db, { sms: logAdapter(logger, 'sms'), email: logAdapter(logger, 'email') }, logger);
  const photos = new PhotoSweeper(database.db, logger);
  const search = new AppealSearchIndexer(database.db, logger);
  const dashboards = new AppealAggregator(database.db, logger);
  const publicSearch = new PublicSearchIndexer(database.db, logger);
  const opinionMaps = new OpinionMapWorker(database.db, logger);
  return {
    timers,
    outbox,
    search,
    photos,
    dashboards,
    publicSearch,
    opinionMaps,
    start(everyMs, searchEveryMs = 250) {
      timers.start(everyMs);
      outbox.start(everyMs);
      photos.start(everyMs);
      search.start(searchEveryMs);
      dashboards.start(searchEveryMs);
      publicSearch.start(Math.max(searchEveryMs, 1000));
      opinionMaps.start(searchEveryMs);
    },
    async stop() {
      await timers.stop();
      await outbox.stop();
      await photos.stop();
      await search.stop();
      await dashboards.stop();
      await publicSearch.stop();
      await opinionMaps.stop();
    },
  };
}

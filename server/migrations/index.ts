import type { Migration } from './migration.js';
import { foundation } from './20261129T0500-foundation.js';
import { calendar } from './20261129T0600-calendar.js';
import { appeals } from './20261129T0700-appeals.js';
import { notificationsTimers } from './20261129T0800-notifications-timers.js';
import { otp } from './20261129T0900-otp.js';
import { appealSearch } from './20261129T1100-appeal-search.js';
import { categoryAdmin } from './20261129T1200-category-admin.js';
import { photos } from './20261129T1300-photos.js';
import { venues } from './20261129T1300-venues.js';
import { topics } from './20261129T1400-topics.js';
import { consultations } from './20261129T1500-consultations.js';
import { consultationWork } from './20261129T1510-consultation-work.js';
import { visits } from './20261129T1700-visits.js';
import { suggestions } from './20261129T1600-suggestions.js';
import { dashboards } from './20261129T1800-dashboards.js';
import { showcase } from './20261129T1810-showcase.js';
import { publicSearch } from './20261129T1811-public-search.js';
import { onlineConsultations } from './20261129T1900-online-consultations.js';
import { rateLimit } from './20261129T1900-rate-limit.js';
import { appealModeration } from './20261129T1901-appeal-moderation.js';
import { changeSignal } from './20261129T2000-change-signal.js';

/** Every migration, keyed by its timestamped name; Kysely runs them in name order. */
export const migrations: Record<string, Migration> = {
  '20261129T0500-foundation': foundation,
  '20261129T0600-calendar': calendar,
  '20261129T0700-appeals': appeals,
  '20261129T0800-notifications-timers': notificationsTimers,
  '20261129T0900-otp': otp,
  '20261129T1100-appeal-search': appealSearch,
  '20261129T1200-category-admin': categoryAdmin,
  '20261129T1300-photos': photos,
  '20261129T1300-venues': venues,
  '20261129T1400-topics': topics,
  '20261129T1500-consultations': consultations,
  '20261129T1510-consultation-work': consultationWork,
  '20261129T1700-visits': visits,
  '20261129T1600-suggestions': suggestions,
  '20261129T1800-dashboards': dashboards,
  '20261129T1810-showcase': showcase,
  '20261129T1811-public-search': publicSearch,
  '20261129T1900-online-consultations': onlineConsultations,
  '20261129T1900-rate-limit': rateLimit,
  '20261129T1901-appeal-moderation': appealModeration,
  '20261129T2000-change-signal': changeSignal,
};

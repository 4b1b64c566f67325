import type { Kysely } from 'kysely';
import type { Migration } from './migration.js';

/** Appeals whose text looks like spam carry a flag and its reasons, for staff to review. */
export const appealModeration: Migration = {
  async up(db: Kysely<any>) {
    await db.schema.alterTable('appeal').addColumn('moderation_flag', 'integer', (c) => c.notNull().defaultTo(0)).execute();
    // Comma-separated reason codes (link_flood, repeated_text, placeholder); null when not flagged.
    await db.schema.alterTable('appeal').addColumn('moderation_reasons', 'text').execute();
  },
  async down(db: Kysely<any>) {
    await db.schema.alterTable('appeal').dropColumn('moderation_reasons').execute();
    await db.schema.alterTable('appeal').dropColumn('moderation_flag').execute();
  },
};

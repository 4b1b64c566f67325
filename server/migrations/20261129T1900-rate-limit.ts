import type { Kysely } from 'kysely';
import type { Migration } from './migration.js';

/** Rate-limit windows shared by every app process on one database (fixed windows, one row per key),
 * and the index that caps one-time codes per address. */
/** Rate-limit windows shared by every app process on one database (fixed windows, one row per key). */
export const rateLimit: Migration = {
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('rate_limit')
      .addColumn('key', 'text', (c) => c.primaryKey())
      .addColumn('hits', 'integer', (c) => c.notNull())
      // Milliseconds since the epoch when the window ends.
      .addColumn('reset_at', 'bigint', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('rate_limit_reset_idx').on('rate_limit').column('reset_at').execute();
    // One-time codes are also capped per requesting address.
    await db.schema.createIndex('otp_ip_idx').on('otp_challenge').columns(['ip', 'created_at']).execute();
  },
  async down(db: Kysely<any>) {
    await db.schema.dropIndex('otp_ip_idx').execute();
    await db.schema.dropTable('rate_limit').execute();
  },
};

import type { Kysely } from 'kysely';
import type { Migration } from './migration.js';

/** One-time codes sent by SMS to verify a resident's phone number. */
export const otp: Migration = {
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('otp_challenge')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('phone', 'text', (c) => c.notNull())
      .addColumn('purpose', 'text', (c) => c.notNull())
      .addColumn('code_hash', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('expires_at', 'text', (c) => c.notNull())
      .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('consumed_at', 'text')
      .addColumn('ip', 'text')
      .execute();
    await db.schema.createIndex('otp_phone_idx').on('otp_challenge').columns(['phone', 'created_at']).execute();
  },
  async down(db: Kysely<any>) {
    await db.schema.dropTable('otp_challenge').execute();
  },
};

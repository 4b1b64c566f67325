import type { Kysely } from 'kysely';

/** A migration frozen in time: it sees the database, never application code. */
export interface Migration {
  up(db: Kysely<any>): Promise<void>;
  down(db: Kysely<any>): Promise<void>;
}

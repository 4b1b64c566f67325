import { PostgresAdapter, sql, type Kysely, type RawBuilder } from 'kysely';

/** A migration frozen in time: it sees the database, never application code. */
export interface Migration {
  up(db: Kysely<any>): Promise<void>;
  down(db: Kysely<any>): Promise<void>;
}

/**
 * Text compared byte by byte: code columns (territory codes) whose prefix ranges must sort as
 * digits do, whatever collation the PostgreSQL database was created with. SQLite's default
 * text comparison is already binary.
 */
export function codeText(db: Kysely<any>): 'text' | RawBuilder<unknown> {
  return db.getExecutor().adapter instanceof PostgresAdapter ? sql`text collate "C"` : 'text';
}

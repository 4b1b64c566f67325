import { PostgresAdapter, sql, type Kysely } from 'kysely';
import type { Migration } from './migration.js';

const isPostgres = (db: Kysely<any>) => db.getExecutor().adapter instanceof PostgresAdapter;

/**
 * The public search index (topics, events, suggestions, showcase items, venues): bigram tokens
 * searched through FTS5 on SQLite and a `simple` tsvector with GIN on PostgreSQL, like the
 * appeal index. Indexes on the sources' change times let the indexer find recent changes.
 */
export const publicSearch: Migration = {
  async up(db: Kysely<any>) {
    if (isPostgres(db)) {
      await db.schema
        .createTable('public_doc')
        .addColumn('seq', 'bigserial', (c) => c.primaryKey())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('ref_id', 'text', (c) => c.notNull())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('snippet', 'text', (c) => c.notNull())
        .addColumn('tokens', 'text', (c) => c.notNull())
        .addColumn('territory_code', 'text')
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addColumn('digest', 'text', (c) => c.notNull())
        .execute();
      await sql`alter table public_doc add column tokens_tsv tsvector generated always as (to_tsvector('simple'::regconfig, tokens)) stored`.execute(db);
      await sql`create index public_doc_tsv_idx on public_doc using gin (tokens_tsv)`.execute(db);
    } else {
      await db.schema
        .createTable('public_doc')
        .addColumn('seq', 'integer', (c) => c.primaryKey())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('ref_id', 'text', (c) => c.notNull())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('snippet', 'text', (c) => c.notNull())
        .addColumn('tokens', 'text', (c) => c.notNull())
        .addColumn('territory_code', 'text')
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addColumn('digest', 'text', (c) => c.notNull())
        .execute();
      await sql`create virtual table public_doc_fts using fts5(tokens, content='public_doc', content_rowid='seq', tokenize='ascii')`.execute(db);
      await sql`create trigger public_doc_ai after insert on public_doc begin
        insert into public_doc_fts(rowid, tokens) values (new.seq, new.tokens);
      end`.execute(db);
      await sql`create trigger public_doc_ad after delete on public_doc begin
        insert into public_doc_fts(public_doc_fts, rowid, tokens) values ('delete', old.seq, old.tokens);
      end`.execute(db);
      await sql`create trigger public_doc_au after update on public_doc begin
        insert into public_doc_fts(public_doc_fts, rowid, tokens) values ('delete', old.seq, old.tokens);
        insert into public_doc_fts(rowid, tokens) values (new.seq, new.tokens);
      end`.execute(db);
    }
    await db.schema.createIndex('public_doc_ref_idx').on('public_doc').columns(['kind', 'ref_id']).unique().execute();
    // Recent changes of the indexed sources, for the indexer's quick path. The dashboards
    // migration makes some of the same indexes by the same names: whichever runs first makes them.
    await db.schema.createIndex('topic_updated_idx').ifNotExists().on('topic').column('updated_at').execute();
    await db.schema.createIndex('consultation_updated_idx').ifNotExists().on('consultation').column('updated_at').execute();
    await db.schema.createIndex('suggestion_updated_idx').ifNotExists().on('suggestion').column('updated_at').execute();
    await db.schema.createIndex('venue_updated_idx').ifNotExists().on('venue').column('updated_at').execute();
    await db.schema.createIndex('consultation_artefact_created_idx').on('consultation_artefact').column('created_at').execute();
    await db.schema.createIndex('suggestion_issued_idx').on('suggestion').column('issued_at').execute();
  },
  async down(db: Kysely<any>) {
    // The shared change-time indexes stay (another migration may own them); ours go.
    for (const i of ['consultation_artefact_created_idx', 'suggestion_issued_idx']) await db.schema.dropIndex(i).execute();
    if (!isPostgres(db)) {
      for (const t of ['public_doc_ai', 'public_doc_ad', 'public_doc_au']) await sql`drop trigger ${sql.id(t)}`.execute(db);
      await sql`drop table public_doc_fts`.execute(db);
    }
    await db.schema.dropTable('public_doc').execute();
  },
};

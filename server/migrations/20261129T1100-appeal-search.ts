import { PostgresAdapter, sql, type Kysely } from 'kysely';
import { codeText, type Migration } from './migration.js';

/** The states an appeal is open in, written out as literals so partial indexes match queries. */
const OPEN_STATES = `('registered', 'dispatched', 'return_requested', 'signed', 'in_progress', 'extension_requested', 'replied', 'awaiting_feedback', 'rated')`;

const isPostgres = (db: Kysely<any>) => db.getExecutor().adapter instanceof PostgresAdapter;

/**
 * The appeal search index, filled asynchronously by the indexer (never by intake): one row per
 * appeal with its text as space-separated bigram tokens, its tracking number and phone digits
 * reversed (so "ends with" is an index range), searched through FTS5 on SQLite and a `simple`
 * tsvector with a GIN index on PostgreSQL. The indexer's watermark lives beside it.
 * Duplicate hints read open appeals only, so their index becomes partial (open states) and
 * covering (it carries the id, so candidates are listed without reading the appeal rows).
 */
export const appealSearch: Migration = {
  async up(db: Kysely<any>) {
    if (isPostgres(db)) {
      await db.schema
        .createTable('appeal_search')
        .addColumn('appeal_id', 'text', (c) => c.primaryKey().references('appeal.id').onDelete('cascade'))
        .addColumn('tokens', 'text', (c) => c.notNull())
        .addColumn('tracking_rev', codeText(db), (c) => c.notNull())
        .addColumn('phone_rev', codeText(db))
        .addColumn('indexed_at', 'text', (c) => c.notNull())
        .execute();
      await sql`alter table appeal_search add column tokens_tsv tsvector generated always as (to_tsvector('simple'::regconfig, tokens)) stored`.execute(db);
      await sql`create index appeal_search_tsv_idx on appeal_search using gin (tokens_tsv)`.execute(db);
    } else {
      // seq is the FTS5 rowid: an INTEGER PRIMARY KEY keeps it stable across VACUUM.
      await db.schema
        .createTable('appeal_search')
        .addColumn('seq', 'integer', (c) => c.primaryKey())
        .addColumn('appeal_id', 'text', (c) => c.notNull().unique().references('appeal.id').onDelete('cascade'))
        .addColumn('tokens', 'text', (c) => c.notNull())
        .addColumn('tracking_rev', 'text', (c) => c.notNull())
        .addColumn('phone_rev', 'text')
        .addColumn('indexed_at', 'text', (c) => c.notNull())
        .execute();
      // The tokens are already bigrams separated by spaces; the ascii tokenizer splits on ASCII
      // punctuation and spaces only and keeps every non-ASCII character (CJK, 𣵦) inside a token.
      await sql`create virtual table appeal_search_fts using fts5(tokens, content='appeal_search', content_rowid='seq', tokenize='ascii')`.execute(db);
      await sql`create trigger appeal_search_ai after insert on appeal_search begin
        insert into appeal_search_fts(rowid, tokens) values (new.seq, new.tokens);
      end`.execute(db);
      await sql`create trigger appeal_search_ad after delete on appeal_search begin
        insert into appeal_search_fts(appeal_search_fts, rowid, tokens) values ('delete', old.seq, old.tokens);
      end`.execute(db);
      await sql`create trigger appeal_search_au after update on appeal_search begin
        insert into appeal_search_fts(appeal_search_fts, rowid, tokens) values ('delete', old.seq, old.tokens);
        insert into appeal_search_fts(rowid, tokens) values (new.seq, new.tokens);
      end`.execute(db);
    }
    await db.schema.createIndex('appeal_search_tracking_idx').on('appeal_search').column('tracking_rev').execute();
    await db.schema.createIndex('appeal_search_phone_idx').on('appeal_search').column('phone_rev').execute();

    await db.schema
      .createTable('appeal_search_state')
      .addColumn('name', 'text', (c) => c.primaryKey())
      .addColumn('watermark', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.insertInto('appeal_search_state').values({ name: 'appeal', watermark: '', updated_at: new Date().toISOString() }).execute();

    await db.schema.dropIndex('appeal_similar_idx').execute();
    await sql`create index appeal_open_similar_idx on appeal (category_id, territory_code, created_at, id) where state in ${sql.raw(OPEN_STATES)}`.execute(db);
  },
  async down(db: Kysely<any>) {
    await db.schema.dropIndex('appeal_open_similar_idx').execute();
    await db.schema.createIndex('appeal_similar_idx').on('appeal').columns(['category_id', 'territory_code', 'created_at']).execute();
    await db.schema.dropTable('appeal_search_state').execute();
    if (!isPostgres(db)) {
      for (const t of ['appeal_search_ai', 'appeal_search_ad', 'appeal_search_au']) await sql`drop trigger ${sql.id(t)}`.execute(db);
      await sql`drop table appeal_search_fts`.execute(db);
    }
    await db.schema.dropTable('appeal_search').execute();
  },
};

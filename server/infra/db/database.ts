import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, sql } from 'kysely';
import pg from 'pg';
import type { DatabaseConfig } from '../../config.js';
import type { DB } from './schema.js';

export type Engine = 'sqlite' | 'postgres';

/** An open database: the Kysely handle plus what only the infrastructure needs to know. */
export interface DatabaseHandle {
  readonly db: Kysely<DB>;
  /**
   * Reporting reads (dashboards, open data): a read replica when one is configured
   * (MINHU_REPORTING_DATABASE_URL), otherwise the same handle as `db`. Never written through.
   */
  readonly reporting: Kysely<DB>;
  readonly engine: Engine;
  /** The raw better-sqlite3 connection (SQLite only), for online backup. */
  readonly sqlite?: Database.Database;
  ping(): Promise<void>;
  close(): Promise<void>;
}

// int8 (count(*), bigint columns) arrives as a string by default; our counts fit in a double.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));

/**
 * Kysely's SQLite driver prepares every statement it runs; preparing costs more than running
 * a small insert. The same SQL text gets the same prepared statement back (least recently
 * used ones are finalized by the garbage collector once dropped). Safe because the driver
 * runs one statement at a time on its single connection and never streams here.
 */
function withStatementCache(conn: Database.Database, capacity = 500) {
  const cache = new Map<string, Database.Statement>();
  return {
    close: () => conn.close(),
    prepare(text: string) {
      let stmt = cache.get(text);
      if (stmt) {
        cache.delete(text);
      } else {
        stmt = conn.prepare(text);
        if (cache.size >= capacity) cache.delete(cache.keys().next().value as string);
      }
      cache.set(text, stmt);
      return stmt;
    },
  };
}

/** Opens SQLite (WAL, foreign keys on) or a PostgreSQL pool, as the config says. */
export function openDatabase(config: DatabaseConfig, options: { poolSize?: number; sqliteSynchronous?: 'full' | 'normal' } = {}): DatabaseHandle {
  if (config.engine === 'sqlite') {
    fs.mkdirSync(path.dirname(config.file), { recursive: true });
    const conn = new Database(config.file);
    conn.pragma('journal_mode = WAL');
    // FULL: a commit is on disk before it is acknowledged (group commit pays one fsync per batch).
    conn.pragma(`synchronous = ${options.sqliteSynchronous === 'normal' ? 'NORMAL' : 'FULL'}`);
    conn.pragma('foreign_keys = ON');
    conn.pragma('busy_timeout = 5000');
    const db = new Kysely<DB>({ dialect: new SqliteDialect({ database: withStatementCache(conn) }) });
    return {
      db,
      reporting: db,
      engine: 'sqlite',
      sqlite: conn,
      async ping() {
        await sql`select 1`.execute(db);
      },
      async close() {
        await db.destroy();
      },
    };
  }
  const open = (url: string) => {
    const pool = new pg.Pool({
      connectionString: url,
      max: options.poolSize ?? 10,
      connectionTimeoutMillis: 3000,
      idleTimeoutMillis: 30_000,
    });
    // A client losing its server (restart, outage) must not crash the process: idle ones are
    // dropped by the pool; one checked out between two queries (inside a transaction) emits its
    // error on itself, where nobody listens. Its next query fails as a connection error (503) and
    // the pool discards it when it is released, because it is no longer queryable.
    pool.on('error', () => {});
    pool.on('connect', (client) => client.on('error', () => {}));
    return new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  };
  const db = open(config.url);
  const reporting = config.reportingUrl ? open(config.reportingUrl) : db;
  return {
    db,
    reporting,
    engine: 'postgres',
    async ping() {
      await sql`select 1`.execute(db);
    },
    async close() {
      await db.destroy();
      if (reporting !== db) await reporting.destroy();
    },
  };
}

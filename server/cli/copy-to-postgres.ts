import Database from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import pg from 'pg';
import { verifyAuditChain, type ChainReport } from '../infra/audit/audit.repository.js';
import { openDatabase } from '../infra/db/database.js';
import { migrateToLatest } from '../infra/db/migrate.js';
import { migrations } from '../migrations/index.js';
import type { DB } from '../infra/db/schema.js';

/**
 * Moving a district from SQLite to PostgreSQL: every table of the SQLite file is copied into a
 * migrated PostgreSQL database in one transaction (all or nothing), parents before children,
 * in batches, converting values where the engines store them differently; then row counts and
 * the audit chain are checked on the target. Tables are discovered from both databases, never
 * listed here, so every module's tables (present and future) move with the rest.
 */

/** Tables the migrator keeps for itself; the target gets its own by migrating. */
const MIGRATOR_TABLES = /^minhu_migration/;

export interface CopyOptions {
  /** The SQLite database file to read (opened read-only). */
  sourceFile: string;
  /** The PostgreSQL database to fill. */
  targetUrl: string;
  /** Empty a target that already holds data instead of refusing. */
  replace?: boolean;
  /** Rows per INSERT (capped so a statement stays under PostgreSQL's 65 535 parameters). */
  batchSize?: number;
  /** Only compare source and target (counts and audit chain); copy nothing. */
  verifyOnly?: boolean;
  /** Progress lines (stderr in the CLI). */
  progress?: (line: string, final: boolean) => void;
}

export interface TableCount {
  table: string;
  source: number;
  target: number;
}

export interface CopyReport {
  tables: TableCount[];
  rows: number;
  seconds: number;
  chain: ChainReport;
  /** Every difference found by the verification; empty when the copy is faithful. */
  problems: string[];
}

/** Raised before anything is written: the target holds data, or the two schemas differ. */
export class CopyRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CopyRefused';
  }
}

interface TargetColumn {
  name: string;
  dataType: string;
  nullable: boolean;
  hasDefault: boolean;
  generated: boolean;
  serial: boolean;
}

interface TablePlan {
  table: string;
  columns: TargetColumn[];
  /** Source-only INTEGER PRIMARY KEY columns (SQLite rowids, e.g. for FTS5) that PostgreSQL does not need. */
  skipped: string[];
}

const q = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** The URL with its password masked, for messages. */
export function maskUrl(url: string): string {
  return url.replace(/(\/\/[^:/@]+:)[^@]*@/, '$1****@');
}

/** Ordinary SQLite tables: no internal, migrator, virtual (FTS5) or virtual-table shadow tables. */
function sqliteTables(conn: Database.Database): string[] {
  const rows = conn.prepare("select name, sql from sqlite_master where type = 'table' order by name").all() as { name: string; sql: string | null }[];
  const virtual = rows.filter((r) => /^\s*create\s+virtual\s+table/i.test(r.sql ?? '')).map((r) => r.name);
  return rows
    .map((r) => r.name)
    .filter((n) => !n.startsWith('sqlite_') && !MIGRATOR_TABLES.test(n) && !virtual.some((v) => n === v || n.startsWith(`${v}_`)));
}

async function postgresTables(client: pg.Client): Promise<string[]> {
  const r = await client.query<{ name: string }>(
    "select table_name as name from information_schema.tables where table_schema = current_schema() and table_type = 'BASE TABLE' order by table_name",
  );
  return r.rows.map((x) => x.name).filter((n) => !MIGRATOR_TABLES.test(n));
}

async function postgresColumns(client: pg.Client): Promise<Map<string, TargetColumn[]>> {
  const r = await client.query<{ table_name: string; column_name: string; data_type: string; is_nullable: string; column_default: string | null; is_generated: string; is_identity: string }>(
    `select table_name, column_name, data_type, is_nullable, column_default, is_generated, is_identity
       from information_schema.columns where table_schema = current_schema() order by table_name, ordinal_position`,
  );
  const byTable = new Map<string, TargetColumn[]>();
  for (const c of r.rows) {
    const list = byTable.get(c.table_name) ?? [];
    list.push({
      name: c.column_name,
      dataType: c.data_type,
      nullable: c.is_nullable === 'YES',
      hasDefault: c.column_default !== null || c.is_identity === 'YES',
      generated: c.is_generated === 'ALWAYS',
      serial: c.is_identity === 'YES' || /^nextval\(/.test(c.column_default ?? ''),
    });
    byTable.set(c.table_name, list);
  }
  return byTable;
}

/** Parent tables first (foreign keys on the target); ties alphabetical so every run is alike. */
async function dependencyOrder(client: pg.Client, tables: string[]): Promise<{ order: string[]; selfRefs: Map<string, SelfRef[]> }> {
  const r = await client.query<{ child: string; parent: string; cols: string[]; ref_cols: string[] }>(
    `select cl.relname as child, pl.relname as parent,
            (select array_agg(a.attname::text order by k.ord) from unnest(c.conkey) with ordinality k(attnum, ord)
               join pg_attribute a on a.attrelid = c.conrelid and a.attnum = k.attnum)::text[] as cols,
            (select array_agg(a.attname::text order by k.ord) from unnest(c.confkey) with ordinality k(attnum, ord)
               join pg_attribute a on a.attrelid = c.confrelid and a.attnum = k.attnum)::text[] as ref_cols
       from pg_constraint c
       join pg_class cl on cl.oid = c.conrelid
       join pg_class pl on pl.oid = c.confrelid
       join pg_namespace n on n.oid = c.connamespace
      where c.contype = 'f' and n.nspname = current_schema()`,
  );
  const parents = new Map(tables.map((t) => [t, new Set<string>()]));
  const selfRefs = new Map<string, SelfRef[]>();
  for (const { child, parent, cols, ref_cols } of r.rows) {
    if (!parents.has(child) || !parents.has(parent)) continue;
    if (child === parent) selfRefs.set(child, [...(selfRefs.get(child) ?? []), { cols, refCols: ref_cols }]);
    else parents.get(child)!.add(parent);
  }
  const order: string[] = [];
  const done = new Set<string>();
  while (order.length < tables.length) {
    const ready = tables.filter((t) => !done.has(t) && [...parents.get(t)!].every((p) => done.has(p)));
    if (ready.length === 0) throw new CopyRefused(`foreign keys form a cycle among: ${tables.filter((t) => !done.has(t)).join(', ')}`);
    for (const t of ready) {
      order.push(t);
      done.add(t);
    }
  }
  return { order, selfRefs };
}

/** A foreign key from a table to itself (a category's parent, a suggestion merged into another). */
interface SelfRef {
  cols: string[];
  refCols: string[];
}

/**
 * Orders the rows of a table that references itself so every referenced row comes before the rows
 * pointing at it (a NULL in any key column points nowhere). Rows pointing at a row that does not
 * exist are left for PostgreSQL to reject.
 */
export function orderSelfReferencing(rows: unknown[][], columns: string[], refs: SelfRef[], table: string): unknown[][] {
  const idx = (name: string) => {
    const i = columns.indexOf(name);
    if (i < 0) throw new CopyRefused(`column ${table}.${name} (a foreign key) is not copied`);
    return i;
  };
  const keyOf = (row: unknown[], cols: number[]) => (cols.some((i) => row[i] === null) ? null : JSON.stringify(cols.map((i) => String(row[i]))));
  const plans = refs.map((ref) => ({ from: ref.cols.map(idx), to: ref.refCols.map(idx) }));
  const existing = plans.map((p) => new Set(rows.map((row) => keyOf(row, p.to))));
  const emitted = plans.map(() => new Set<string | null>());
  const out: unknown[][] = [];
  let pending = rows;
  while (pending.length) {
    const next: unknown[][] = [];
    for (const row of pending) {
      const ready = plans.every((p, k) => {
        const key = keyOf(row, p.from);
        return key === null || emitted[k]!.has(key) || !existing[k]!.has(key);
      });
      if (ready) {
        out.push(row);
        plans.forEach((p, k) => emitted[k]!.add(keyOf(row, p.to)));
      } else next.push(row);
    }
    if (next.length === pending.length) throw new CopyRefused(`rows of ${table} reference each other in a cycle`);
    pending = next;
  }
  return out;
}

/** Row counts of every table right after migrating (reference data the migrations insert), on an in-memory SQLite. */
async function freshCounts(): Promise<Map<string, number>> {
  const h = openDatabase({ engine: 'sqlite', file: ':memory:' });
  try {
    await migrateToLatest(h.db);
    const conn = h.sqlite!;
    return new Map(sqliteTables(conn).map((t) => [t, Number((conn.prepare(`select count(*) as n from ${q(t)}`).get() as { n: number }).n)]));
  } finally {
    await h.close();
  }
}

/** One SQLite value as PostgreSQL expects it in a column of the given type. */
export function convertValue(v: unknown, dataType: string, where: () => string): unknown {
  if (v === null || v === undefined) return null;
  switch (dataType) {
    case 'smallint':
    case 'integer':
    case 'bigint':
    case 'numeric':
    case 'real':
    case 'double precision':
      if (typeof v === 'bigint') return Number.isSafeInteger(Number(v)) ? Number(v) : v.toString();
      if (Buffer.isBuffer(v)) throw new Error(`${where()}: a blob cannot go into a ${dataType} column`);
      return v;
    case 'boolean':
      if (typeof v === 'bigint' || typeof v === 'number') return Number(v) !== 0;
      return v;
    case 'bytea':
      return typeof v === 'string' ? Buffer.from(v, 'utf8') : v;
    case 'text':
    case 'character varying':
    case 'character':
    case 'json':
    case 'jsonb': {
      if (Buffer.isBuffer(v)) throw new Error(`${where()}: a blob cannot go into a ${dataType} column`);
      const s = typeof v === 'string' ? v : String(v);
      // PostgreSQL text cannot hold U+0000; SQLite can. Say where rather than fail obscurely.
      if (s.includes('\u0000')) throw new Error(`${where()}: text contains a NUL character, which PostgreSQL cannot store`);
      return s;
    }
    default:
      return typeof v === 'bigint' ? v.toString() : v;
  }
}

function plan(sourceConn: Database.Database, sourceTables: string[], targetTables: string[], targetColumns: Map<string, TargetColumn[]>): TablePlan[] {
  const missing = sourceTables.filter((t) => !targetTables.includes(t));
  const extra = targetTables.filter((t) => !sourceTables.includes(t));
  if (missing.length || extra.length)
    throw new CopyRefused(
      `the two schemas differ${missing.length ? `; only in the source: ${missing.join(', ')}` : ''}${extra.length ? `; only in the target: ${extra.join(', ')}` : ''}`,
    );
  return sourceTables.map((table) => {
    const src = sourceConn.prepare(`pragma table_info(${q(table)})`).all() as { name: string; type: string; pk: number }[];
    const tgt = targetColumns.get(table) ?? [];
    const srcNames = new Set(src.map((c) => c.name));
    const tgtNames = new Set(tgt.map((c) => c.name));
    const skipped: string[] = [];
    for (const c of src) {
      if (tgtNames.has(c.name)) continue;
      const rowidAlias = c.pk === 1 && src.filter((x) => x.pk > 0).length === 1 && /^integer$/i.test(c.type);
      if (!rowidAlias) throw new CopyRefused(`column ${table}.${c.name} exists only in the source`);
      skipped.push(c.name);
    }
    for (const c of tgt) {
      if (c.generated || srcNames.has(c.name)) continue;
      if (!c.nullable && !c.hasDefault) throw new CopyRefused(`column ${table}.${c.name} exists only in the target and needs a value`);
    }
    return { table, columns: tgt.filter((c) => !c.generated && srcNames.has(c.name)), skipped };
  });
}

async function countTarget(client: pg.Client, table: string): Promise<number> {
  const r = await client.query<{ n: string }>(`select count(*) as n from ${q(table)}`);
  return Number(r.rows[0]!.n);
}

/**
 * Copies the SQLite file into the PostgreSQL database (or, with verifyOnly, only compares them)
 * and verifies counts and the audit chain. Throws CopyRefused before writing anything when the
 * target holds data (without `replace`) or the schemas differ; any error while copying rolls
 * the whole copy back.
 */
export async function copySqliteToPostgres(opts: CopyOptions): Promise<CopyReport> {
  const started = performance.now();
  const say = opts.progress ?? (() => {});
  const source = new Database(opts.sourceFile, { readonly: true, fileMustExist: true });
  const sourceDb = new Kysely<DB>({ dialect: new SqliteDialect({ database: source }) });
  const target = openDatabase({ engine: 'postgres', url: opts.targetUrl }, { poolSize: 2 });
  const client = new pg.Client({ connectionString: opts.targetUrl });
  let snapshotOpen = false;
  try {
    await client.connect();
    // One read transaction: everything below sees the same state of the source.
    source.exec('begin');
    snapshotOpen = true;
    const known = Object.keys(migrations).sort();
    const applied = source.prepare("select name from sqlite_master where type = 'table' and name = 'minhu_migration'").get()
      ? (source.prepare('select name from minhu_migration order by name').all() as { name: string }[]).map((r) => r.name)
      : [];
    const unknown = applied.filter((n) => !known.includes(n));
    if (unknown.length) throw new CopyRefused(`the source was migrated by a newer Minhu (${unknown.join(', ')}); upgrade this installation first`);
    const pending = known.filter((n) => !applied.includes(n));
    if (pending.length) throw new CopyRefused(`the source has pending migrations (${pending.join(', ')}); run \`minhu migrate\` on it first`);

    if (!opts.verifyOnly) {
      // A target holding data is refused before anything is written to it, migrations included.
      const fresh = await freshCounts();
      const used: string[] = [];
      for (const t of await postgresTables(client)) {
        const n = await countTarget(client, t);
        if (n !== (fresh.get(t) ?? 0)) used.push(`${t} (${n} rows)`);
      }
      if (used.length && !opts.replace)
        throw new CopyRefused(
          `the target already holds data: ${used.slice(0, 8).join(', ')}${used.length > 8 ? `, … ${used.length - 8} more` : ''}. ` +
            'Copy into an empty database, or pass --replace to delete everything in it first.',
        );
      await migrateToLatest(target.db);
    }
    const sourceTables = sqliteTables(source);
    const targetTables = await postgresTables(client);
    const plans = plan(source, sourceTables, targetTables, await postgresColumns(client));
    const { order, selfRefs } = await dependencyOrder(client, sourceTables);
    const sourceCounts = new Map(sourceTables.map((t) => [t, Number((source.prepare(`select count(*) as n from ${q(t)}`).get() as { n: number }).n)]));

    const sourceChain = await verifyAuditChain(sourceDb);
    if (!sourceChain.ok && !opts.verifyOnly)
      throw new CopyRefused(`the source's audit chain is broken at seq ${sourceChain.broken?.seq} (${sourceChain.broken?.reason}); investigate before moving it`);

    if (!opts.verifyOnly) {
      const batchSize = Math.max(1, opts.batchSize ?? 1000);
      const total = [...sourceCounts.values()].reduce((a, b) => a + b, 0);
      let copied = 0;
      await client.query('begin');
      try {
        // Empties the target, including the reference rows the migrations inserted (the source has its own).
        await client.query(`truncate table ${order.map(q).join(', ')} restart identity`);
        const byTable = new Map(plans.map((p) => [p.table, p]));
        for (const table of order) {
          const p = byTable.get(table)!;
          const expected = sourceCounts.get(table) ?? 0;
          const cols = p.columns;
          const perStatement = Math.max(1, Math.min(batchSize, Math.floor(60_000 / Math.max(1, cols.length))));
          const select = source.prepare(`select ${cols.map((c) => q(c.name)).join(', ')} from ${q(table)}`).safeIntegers(true);
          let batch: unknown[][] = [];
          let done = 0;
          const flush = async () => {
            if (batch.length === 0) return;
            const params: unknown[] = [];
            const tuples = batch.map((row) => `(${row.map((v) => `$${params.push(v)}`).join(', ')})`);
            await client.query(`insert into ${q(table)} (${cols.map((c) => q(c.name)).join(', ')}) values ${tuples.join(', ')}`, params);
            done += batch.length;
            copied += batch.length;
            batch = [];
            say(`  ${table}: ${done.toLocaleString('en')} / ${expected.toLocaleString('en')} rows (${((copied / Math.max(1, total)) * 100).toFixed(0)} % of all)`, false);
          };
          const refs = selfRefs.get(table);
          const convert = (row: unknown[], n: number) => row.map((v, i) => convertValue(v, cols[i]!.dataType, () => `${table}.${cols[i]!.name} (row ${n})`));
          if (refs) {
            // A table pointing at itself is read whole and written parents first (such tables are small: categories, suggestions).
            const all = (select.raw(true).all() as unknown[][]).map((row, i) => convert(row, i + 1));
            for (const row of orderSelfReferencing(all, cols.map((c) => c.name), refs, table)) {
              batch.push(row);
              if (batch.length >= perStatement) await flush();
            }
          } else {
            for (const row of select.raw(true).iterate() as IterableIterator<unknown[]>) {
              batch.push(convert(row, done + batch.length + 1));
              // The iterator stays open across the await; nothing else uses the source connection meanwhile.
              if (batch.length >= perStatement) await flush();
            }
          }
          await flush();
          // Serial and identity columns continue after the copied values.
          for (const c of cols.filter((x) => x.serial))
            await client.query(`select setval(pg_get_serial_sequence($1, $2), coalesce((select max(${q(c.name)}) from ${q(table)}), 0) + 1, false)`, [q(table), c.name]);
          say(`  ${table}: ${done.toLocaleString('en')} rows${p.skipped.length ? ` (SQLite-only ${p.skipped.join(', ')} not needed)` : ''}`, true);
        }
        await client.query('commit');
      } catch (err) {
        await client.query('rollback').catch(() => {});
        throw err;
      }
    }

    // Verification, on the committed target.
    const problems: string[] = [];
    const tables: TableCount[] = [];
    for (const table of order) {
      const c = { table, source: sourceCounts.get(table) ?? 0, target: await countTarget(client, table) };
      tables.push(c);
      if (c.source !== c.target) problems.push(`${table}: ${c.source} rows in the source, ${c.target} in the target`);
    }
    const chain = await verifyAuditChain(target.db);
    if (!chain.ok) problems.push(`audit chain on the target BROKEN at seq ${chain.broken?.seq} (${chain.broken?.reason}); ${chain.checked} events verified before it`);
    const [srcHead, tgtHead] = [
      await sourceDb.selectFrom('audit_head').select(['seq', 'hash']).where('id', '=', 1).executeTakeFirst(),
      await target.db.selectFrom('audit_head').select(['seq', 'hash']).where('id', '=', 1).executeTakeFirst(),
    ];
    if (srcHead?.hash !== tgtHead?.hash || Number(srcHead?.seq) !== Number(tgtHead?.seq))
      problems.push(`audit head differs: source seq ${srcHead?.seq} ${srcHead?.hash?.slice(0, 12)}…, target seq ${tgtHead?.seq} ${tgtHead?.hash?.slice(0, 12)}…`);
    // The copy is of one moment; a server still writing to the source would leave PostgreSQL behind.
    source.exec('rollback');
    snapshotOpen = false;
    const nowHead = await sourceDb.selectFrom('audit_head').select(['seq']).where('id', '=', 1).executeTakeFirst();
    if (Number(nowHead?.seq) !== Number(srcHead?.seq))
      problems.push(`the source changed during the copy (its audit chain went from seq ${srcHead?.seq} to ${nowHead?.seq}): stop the server writing to it and copy again with --replace`);
    return { tables, rows: tables.reduce((a, t) => a + t.source, 0), seconds: (performance.now() - started) / 1000, chain, problems };
  } finally {
    if (snapshotOpen) source.exec('rollback');
    await client.end().catch(() => {});
    await target.close();
    await sourceDb.destroy();
  }
}

/** Row counts of every ordinary table of an SQLite file (for backup and restore reports). */
export function sqliteCounts(conn: Database.Database): Map<string, number> {
  return new Map(sqliteTables(conn).map((t) => [t, Number((conn.prepare(`select count(*) as n from ${q(t)}`).get() as { n: number }).n)]));
}

/** Row counts of every table of a PostgreSQL database. */
export async function postgresCounts(url: string): Promise<Map<string, number>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const out = new Map<string, number>();
    for (const t of await postgresTables(client)) out.set(t, await countTarget(client, t));
    return out;
  } finally {
    await client.end();
  }
}

/** Whether a PostgreSQL database has no tables at all in its schema (a fresh database to restore into). */
export async function postgresIsBare(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const r = await client.query("select count(*) as n from information_schema.tables where table_schema = current_schema()");
    return Number(r.rows[0].n) === 0;
  } finally {
    await client.end();
  }
}


import type { Insertable, Kysely } from 'kysely';
import type { DB } from './schema.js';

type TableName = keyof DB & string;

export interface InsertOptions {
  /** A row whose key (these columns) already exists is left out instead of failing. */
  ignoreConflictOn?: string[];
}

/**
 * Where a command's inserts go. Most commands insert at once; intake under group commit
 * hands its rows to the batch, which writes each table's rows of the whole batch with one
 * multi-row statement before the shared commit.
 */
export interface Writes {
  insert<T extends TableName>(table: T, rows: Insertable<DB[T]>[], opts?: InsertOptions): Promise<void>;
}

/** Bound parameters per statement: SQLite allows 32,766, PostgreSQL 65,535. */
const MAX_PARAMETERS = 30_000;

async function insertRows(tx: Kysely<DB>, table: TableName, rows: object[], conflict?: string[]): Promise<void> {
  if (rows.length === 0) return;
  const perStatement = Math.max(1, Math.floor(MAX_PARAMETERS / Object.keys(rows[0] as object).length));
  // The table name is a type-checked key of DB at every call site; Kysely's generic insert
  // over a union of tables is not expressible, hence the widened handle here.
  const db = tx as unknown as Kysely<Record<string, Record<string, unknown>>>;
  for (let i = 0; i < rows.length; i += perStatement) {
    let q = db.insertInto(table).values(rows.slice(i, i + perStatement) as Record<string, unknown>[]);
    if (conflict?.length) q = q.onConflict((oc) => oc.columns(conflict).doNothing());
    await q.execute();
  }
}

/** Inserts straight away, in the caller's transaction. */
export function immediateWrites(tx: Kysely<DB>): Writes {
  return { insert: (table, rows, opts) => insertRows(tx, table, rows, opts?.ignoreConflictOn) };
}

/**
 * Holds rows until `flush`. Tables are written in the order they were first used, so a
 * parent row inserted first is stored before the rows that refer to it.
 */
export class DeferredWrites implements Writes {
  private readonly buckets = new Map<string, { table: TableName; conflict?: string[]; rows: object[] }>();

  async insert<T extends TableName>(table: T, rows: Insertable<DB[T]>[], opts?: InsertOptions): Promise<void> {
    this.add(table, rows as object[], opts?.ignoreConflictOn);
  }

  private add(table: TableName, rows: object[], conflict?: string[]) {
    const key = `${table}|${conflict?.join(',') ?? ''}`;
    let bucket = this.buckets.get(key);
    if (!bucket) this.buckets.set(key, (bucket = { table, conflict, rows: [] }));
    for (const r of rows) bucket.rows.push(r);
  }

  /** Takes over another batch's rows (a command that succeeded inside a shared transaction). */
  absorb(other: DeferredWrites): void {
    for (const b of other.buckets.values()) this.add(b.table, b.rows, b.conflict);
  }

  async flush(tx: Kysely<DB>): Promise<void> {
    for (const b of this.buckets.values()) await insertRows(tx, b.table, b.rows, b.conflict);
    this.buckets.clear();
  }
}

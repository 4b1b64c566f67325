import { CompiledQuery, type Compilable, type Kysely } from 'kysely';
import type { DB } from './schema.js';

const MARK = '\u0000minhu:param:';

/**
 * A hot read query, compiled once per database and run with new parameter values: building
 * and compiling a Kysely query costs more than SQLite takes to run a lookup by key. `build`
 * gets placeholder strings for its parameters; they must appear only as bound values.
 */
export function precompiled<K extends string, R>(names: readonly K[], build: (db: Kysely<DB>, p: Record<K, string>) => Compilable<R>) {
  const compiled = new WeakMap<object, CompiledQuery<R>>();
  const placeholders = Object.fromEntries(names.map((n) => [n, MARK + n])) as Record<K, string>;
  return async (db: Kysely<DB>, values: Record<K, unknown>): Promise<R[]> => {
    const adapter = db.getExecutor().adapter;
    let query = compiled.get(adapter);
    if (!query) {
      query = build(db, placeholders).compile();
      for (const n of names) if (!query.parameters.includes(placeholders[n])) throw new Error(`precompiled query does not bind ${n}`);
      compiled.set(adapter, query);
    }
    const parameters = query.parameters.map((v) => (typeof v === 'string' && v.startsWith(MARK) ? values[v.slice(MARK.length) as K] : v));
    return (await db.executeQuery(CompiledQuery.raw(query.sql, parameters as unknown[]))).rows as R[];
  };
}

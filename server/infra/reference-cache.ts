import { LRUCache } from 'lru-cache';

/**
 * How long reference data (categories, territories, who holds a role) is kept per process:
 * a change made by another process or an administrator is seen within this time.
 */
export const REFERENCE_TTL_MS = 5000;

/**
 * A small least-recently-used cache per database handle (tests open many databases in one
 * process), holding promises so that concurrent misses share one query. A failed load is
 * forgotten at once.
 */
export function referenceCache<K extends string, V>(max = 5000, ttl = REFERENCE_TTL_MS) {
  const perDb = new WeakMap<object, LRUCache<K, { value: Promise<V> }>>();
  const of = (db: object) => {
    let c = perDb.get(db);
    if (!c) perDb.set(db, (c = new LRUCache<K, { value: Promise<V> }>({ max, ttl })));
    return c;
  };
  return {
    get(db: object, key: K, load: () => Promise<V>): Promise<V> {
      const c = of(db);
      const hit = c.get(key);
      if (hit) return hit.value;
      const value = load();
      c.set(key, { value });
      value.catch(() => c.delete(key));
      return value;
    },
    clear(db: object): void {
      perDb.get(db)?.clear();
    },
  };
}

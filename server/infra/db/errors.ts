/** Dialect-specific recognition of database errors, kept in one place. */

interface DriverError {
  code?: string;
  constraint?: string;
  message?: string;
}

/** True when the error is a unique-key violation (optionally on the named table). */
export function isUniqueViolation(err: unknown, table?: string): boolean {
  const e = err as DriverError;
  if (!e || typeof e !== 'object') return false;
  if (e.code === '23505') return table ? (e.constraint ?? '').startsWith(table) : true; // PostgreSQL
  if (e.code === 'SQLITE_CONSTRAINT_UNIQUE' || e.code === 'SQLITE_CONSTRAINT_PRIMARYKEY')
    return table ? (e.message ?? '').includes(`${table}.`) : true;
  return false;
}

/** True when a row is still referenced (or references nothing): a foreign-key violation. */
export function isForeignKeyViolation(err: unknown): boolean {
  const code = (err as DriverError | null)?.code ?? '';
  return code === '23503' || code === 'SQLITE_CONSTRAINT_FOREIGNKEY';
}

/** True when the database cannot be reached at all (as opposed to rejecting a query). */
export function isConnectionError(err: unknown): boolean {
  const e = err as DriverError;
  if (!e || typeof e !== 'object') return false;
  const code = e.code ?? '';
  return (
    ['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', '57P01', '57P02', '57P03', '08000', '08003', '08006'].includes(code) ||
    /timeout exceeded when trying to connect|Connection terminated|not queryable/i.test(e.message ?? '')
  );
}

/** Errors worth running the whole transaction again for: write conflicts, not bad input. */
export function isRetryable(err: unknown): boolean {
  const e = err as DriverError;
  if (!e || typeof e !== 'object') return false;
  const code = e.code ?? '';
  return code === '40001' || code === '40P01' || code.startsWith('SQLITE_BUSY');
}

/** Text PostgreSQL cannot store (a NUL character) or a malformed encoding. */
export function isInvalidText(err: unknown): boolean {
  const code = (err as DriverError | null)?.code ?? '';
  return code === '22021' || code === '22P05';
}

import { describe, expect, it } from 'vitest';
import { isConnectionError } from './errors.js';

describe('isConnectionError', () => {
  it('knows the ways a lost PostgreSQL connection shows itself', () => {
    for (const e of [
      { code: 'ECONNREFUSED' },
      { code: 'ECONNRESET' },
      { code: '57P01', message: 'terminating connection due to administrator command' },
      { message: 'Connection terminated unexpectedly' },
      { message: 'timeout exceeded when trying to connect' },
      { message: 'Client has encountered a connection error and is not queryable' },
      { message: 'Client was closed and is not queryable' },
    ])
      expect(isConnectionError(Object.assign(new Error(e.message ?? ''), e)), JSON.stringify(e)).toBe(true);
  });

  it('leaves rejected queries alone', () => {
    for (const e of [{ code: '23505' }, { code: '42P01' }, { code: 'SQLITE_CONSTRAINT_UNIQUE' }, { message: 'syntax error' }, null, 'text'])
      expect(isConnectionError(e)).toBe(false);
  });
});

import { createHash, randomBytes } from 'node:crypto';

/** A random secret for cookies, CSRF and API tokens (256 bits, base64url). */
export function newSecret(): string {
  return randomBytes(32).toString('base64url');
}

/** What we store instead of a secret. */
export function sha256(s: string): string {
  return createHash('sha256').update(s).digest('hex');
}

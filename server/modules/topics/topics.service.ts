import type { Kysely } from 'kysely';
import type { DB } from '../../infra/db/schema.js';
import type { Actor } from '../../infra/http/access.js';
import { maySeeTopic } from './topics.policy.js';
import { findTopic } from './topics.repository.js';

/** A topic this person may see (for other modules linking to it), or undefined. */
export async function findVisibleTopic(db: Kysely<DB>, actor: Actor | null, id: string) {
  const topic = await findTopic(db, id);
  return topic && maySeeTopic(actor, topic) ? topic : undefined;
}

import type { Actor } from '../../infra/http/access.js';
import { grantsOf } from '../accounts/index.js';
import type { TopicActor } from './topic.workflow.js';
import type { TopicTable } from './topics.table.js';

/** District-wide staff and administrators see and review every topic. */
function districtWide(actor: Actor | null): boolean {
  return grantsOf(actor).some((g) => (g.role === 'district_staff' || g.role === 'admin') && g.scope_type === 'district');
}

/** Territory subtrees a scoped person (a town official) covers. */
export function territoryPrefixesOf(actor: Actor | null): string[] {
  return grantsOf(actor)
    .filter((g) => g.scope_type === 'territory')
    .map((g) => g.scope_id);
}

/** What a list of topics is limited to for this person; undefined: everything. */
export function topicVisibility(actor: Actor | null): { proposedBy: string; territoryPrefixes: string[] } | undefined {
  if (districtWide(actor)) return undefined;
  return { proposedBy: actor?.id ?? '', territoryPrefixes: territoryPrefixesOf(actor) };
}

/** Whether this person may see a topic: its proposer, the district, a town official of its area; anyone once filed. */
export function maySeeTopic(actor: Actor | null, topic: TopicTable): boolean {
  if (!actor) return false;
  if (topic.state === 'filed' || districtWide(actor) || topic.proposed_by === actor.id) return true;
  return !!topic.territory_code && territoryPrefixesOf(actor).some((p) => (topic.territory_code as string).startsWith(p));
}

/** Which side of the review this person is on for this topic (the proposer may also be staff). */
export function sidesOf(actor: Actor | null, topic: TopicTable): TopicActor[] {
  const sides: TopicActor[] = [];
  if (actor && topic.proposed_by === actor.id) sides.push('proposer');
  if (actor?.permissions.has('topics:review')) sides.push('reviewer');
  return sides;
}

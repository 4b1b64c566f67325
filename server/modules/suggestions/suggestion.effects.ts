import type { Kysely } from 'kysely';
import type { DB } from '../../infra/db/schema.js';
import { immediateWrites } from '../../infra/db/write-batch.js';
import { listAccountIdsWithRole } from '../accounts/index.js';
import { enqueueMessage, notifyAccounts } from '../notifications/index.js';
import type { Loaded } from './suggestions.service.js';

/**
 * Tells the people a suggestion came from what became of it: the authors with accounts and
 * whoever filed a linked appeal in their inbox, the residents of linked appeals by SMS (as the
 * appeals module tells its residents), each with the public journey's path.
 */
export async function tellProposers(tx: Kysely<DB>, loaded: Loaded, kind: 'decided' | 'replied', payload: Record<string, unknown>, actorId: string | null): Promise<void> {
  const s = loaded.suggestion;
  const writes = immediateWrites(tx);
  const path = `/suggestions/${s.id}`;
  const accounts = [...loaded.authors.map((a) => a.account_id), ...loaded.appeals.map((a) => a.filed_by)].filter((id): id is string => !!id && id !== actorId);
  if (accounts.length)
    await notifyAccounts(writes, accounts, { kind: `suggestion.${kind}`, resourceType: 'suggestion', resourceId: s.id, payload: { event: loaded.event.title, seq: s.seq, path, ...payload } });
  for (const phone of new Set(loaded.appeals.map((a) => a.resident_phone).filter((p): p is string => !!p))) {
    const trackingNos = loaded.appeals.filter((a) => a.resident_phone === phone).map((a) => a.tracking_no);
    await enqueueMessage(writes, { channel: 'sms', recipient: phone, template: `suggestion.${kind}`, payload: { trackingNo: trackingNos[0], path, ...payload } });
  }
}

/** The clerks of a unit hear that a suggestion is theirs to sign, or back for re-handling. */
export async function tellUnit(tx: Kysely<DB>, unitId: string, suggestionId: string, kind: string, payload: Record<string, unknown>): Promise<void> {
  const clerks = await listAccountIdsWithRole(tx, 'unit_clerk', { type: 'unit', ids: [unitId] });
  await notifyAccounts(immediateWrites(tx), clerks, { kind: `suggestion.${kind}`, resourceType: 'suggestion', resourceId: suggestionId, payload });
}

/** District staff hear of an objection to decide. */
export async function tellDistrict(tx: Kysely<DB>, suggestionId: string, kind: string, payload: Record<string, unknown>): Promise<void> {
  const staff = await listAccountIdsWithRole(tx, 'district_staff');
  await notifyAccounts(immediateWrites(tx), staff, { kind: `suggestion.${kind}`, resourceType: 'suggestion', resourceId: suggestionId, payload });
}

import type { Kysely } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import { runCommand, type AuditLog, type CommandContext } from '../../../infra/commands.js';
import type { DB } from '../../../infra/db/schema.js';
import { isUniqueViolation } from '../../../infra/db/errors.js';
import type { Actor } from '../../../infra/http/access.js';
import { findAccountById, listAccountIdsWithRole } from '../../accounts/index.js';
import { listAppealsByIds } from '../../appeals/index.js';
import { insertAuthors, insertSuggestion, insertSuggestionEvent, linkAppeals, nextSeq } from '../suggestions.repository.js';
import { fieldError, managedEvent } from '../suggestions.service.js';
import type { SuggestionAuthorTable, SuggestionTable } from '../suggestions.table.js';

export interface AuthorInput {
  accountId?: string | null;
  name?: string | null;
}

/** Resolves authors: an account is named by its display name (and marked if it holds the member role); a free-text name as typed. */
export async function resolveAuthors(tx: Kysely<DB>, suggestionId: string, authors: AuthorInput[], now: string): Promise<SuggestionAuthorTable[]> {
  const members = new Set(await listAccountIdsWithRole(tx, 'member'));
  const rows: SuggestionAuthorTable[] = [];
  for (const a of authors) {
    if (a.accountId) {
      const account = await findAccountById(tx, a.accountId);
      if (!account) throw fieldError('authors', '提出人账号不存在', 'No such author account');
      if (rows.some((r) => r.account_id === account.id)) continue;
      rows.push({ id: uuidv7(), suggestion_id: suggestionId, account_id: account.id, name: account.display_name, is_member: members.has(account.id) ? 1 : 0, created_at: now });
    } else if (a.name) {
      rows.push({ id: uuidv7(), suggestion_id: suggestionId, account_id: null, name: a.name, is_member: 0, created_at: now });
    } else throw fieldError('authors', '提出人须填写账号或姓名', 'An author needs an account or a name');
  }
  return rows;
}

/** Checks that linked appeals exist and are not merged duplicates. */
export async function checkAppeals(tx: Kysely<DB>, appealIds: string[]): Promise<void> {
  const found = new Map((await listAppealsByIds(tx, appealIds)).map((a) => [a.id, a]));
  for (const id of appealIds) if (!found.get(id) || found.get(id)!.state === 'merged') throw fieldError('appealIds', '关联的诉求不存在', 'A linked appeal does not exist');
}

/** Adds a suggestion to an event's list, with its authors and the appeals it answers. */
export async function addSuggestion(db: Kysely<DB>, ctx: CommandContext, actor: Actor, consultationId: string, input: { text: string; authors: AuthorInput[]; appealIds?: string[] }): Promise<SuggestionTable> {
  // Two people adding at once may take the same number; the unique constraint refuses one, which then takes the next.
  for (let attempt = 1; ; attempt++) {
    try {
      return await insertOnce(db, ctx, actor, consultationId, input);
    } catch (err) {
      if (attempt >= 5 || !isUniqueViolation(err, 'suggestion')) throw err;
    }
  }
}

function insertOnce(db: Kysely<DB>, ctx: CommandContext, actor: Actor, consultationId: string, input: { text: string; authors: AuthorInput[]; appealIds?: string[] }): Promise<SuggestionTable> {
  return runCommand(db, ctx, (tx, audit) => addSuggestionIn(tx, audit, actor, consultationId, input));
}

/**
 * The suggestion's writes inside a caller's command (one transaction with the caller's own
 * writes, e.g. promoting an online statement). A unique violation on the list number means
 * another suggestion took it at the same moment: the caller's command runs again.
 */
export async function addSuggestionIn(tx: Kysely<DB>, audit: AuditLog, actor: Actor, consultationId: string, input: { text: string; authors: AuthorInput[]; appealIds?: string[] }): Promise<SuggestionTable> {
  {
    await managedEvent(tx, actor, consultationId);
    const appealIds = [...new Set(input.appealIds ?? [])];
    await checkAppeals(tx, appealIds);
    const now = new Date().toISOString();
    const row: SuggestionTable = {
      id: uuidv7(),
      consultation_id: consultationId,
      seq: await nextSeq(tx, consultationId),
      text: input.text,
      state: 'proposed',
      decision: null,
      decision_reason: null,
      merged_into: null,
      lead_unit_id: null,
      deadline_days: null,
      sign_due_at: null,
      reply_due_at: null,
      grade: null,
      progress: 0,
      issued_at: null,
      created_by: actor.id,
      created_by_label: actor.label,
      created_at: now,
      updated_at: now,
      version: 1,
    };
    await insertSuggestion(tx, row);
    const authors = await resolveAuthors(tx, row.id, input.authors, now);
    await insertAuthors(tx, authors);
    await linkAppeals(tx, appealIds.map((appeal_id) => ({ suggestion_id: row.id, appeal_id, created_at: now })));
    await insertSuggestionEvent(tx, { id: uuidv7(), suggestion_id: row.id, action: 'propose', from_state: null, to_state: 'proposed', actor_id: actor.id, actor_label: actor.label, comment: null, detail: '{}', created_at: now });
    audit.record({ action: 'suggestion.add', resourceType: 'suggestion', resourceId: row.id, after: { consultation: consultationId, seq: row.seq, text: row.text, authors: authors.map((a) => a.name), appeals: appealIds } });
    return row;
  }
}

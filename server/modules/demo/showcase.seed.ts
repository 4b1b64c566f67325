import type { Kysely } from 'kysely';
import type { CommandContext } from '../../infra/commands.js';
import type { DB } from '../../infra/db/schema.js';
import { actorOfAccount, findAccountByUsername } from '../accounts/index.js';
import { listSuggestionCandidates, publishShowcaseItem } from '../showcase/index.js';

/** How many of the demo month's implemented suggestions district staff put in the showcase. */
const SHOWN = 3;

/**
 * The demo's 成果展示: the demo district staff account publishes a few of the month's implemented
 * suggestions through the showcase command, with a title and summary of its own (fictional).
 */
export async function seedDemoShowcase(db: Kysely<DB>, ctx: CommandContext): Promise<number> {
  const account = await findAccountByUsername(db, 'staff');
  if (!account) return 0;
  const staff = await actorOfAccount(db, account.id);
  if (!staff) return 0;
  const candidates = await listSuggestionCandidates(db, SHOWN);
  for (const c of candidates) {
    const title = `${[...c.text].slice(0, 20).join('')}——已落实`;
    await publishShowcaseItem(db, ctx, staff, {
      kind: 'consultation',
      refId: c.id,
      title,
      summary: `“${c.event_title}”上提出的这条建议已被采纳，承办单位答复并落实，居民作了评价。（演示数据，纯属虚构）`,
      photoIds: [],
    });
  }
  return candidates.length;
}

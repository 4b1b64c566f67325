import type { Kysely } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import { runCommand, type CommandContext } from '../../../infra/commands.js';
import type { DB } from '../../../infra/db/schema.js';
import { AppError } from '../../../infra/http/errors.js';
import { getTerritory } from '../../territories/index.js';
import { findCampaign, insertCampaign, updateCampaign } from '../consultations.repository.js';
import { fieldError } from '../consultations.service.js';
import type { CampaignTable } from '../consultations.table.js';

export interface CampaignInput {
  title: string;
  theme: string;
  description: string;
  territoryCode?: string | null;
  startsOn: string;
  endsOn: string;
  targetEvents?: number | null;
  targetSuggestions?: number | null;
}

const auditView = (c: CampaignTable) => {
  const { created_at: _c, updated_at: _u, ...rest } = c;
  return rest;
};

async function checked(db: Kysely<DB>, c: Pick<CampaignTable, 'territory_code' | 'starts_on' | 'ends_on'>) {
  if (c.ends_on < c.starts_on) throw fieldError('endsOn', '结束日期不能早于开始日期', 'The end date is before the start date');
  if (c.territory_code && !(await getTerritory(db, c.territory_code).catch(() => null))) throw fieldError('territoryCode', '所在地不存在', 'No such territory');
}

/** Opens a campaign (协商议事月): a themed series of events with its own dates and targets. */
export async function createCampaign(db: Kysely<DB>, ctx: CommandContext, input: CampaignInput): Promise<CampaignTable> {
  return runCommand(db, ctx, async (tx, audit) => {
    const now = new Date().toISOString();
    const row: CampaignTable = {
      id: uuidv7(),
      title: input.title,
      theme: input.theme,
      description: input.description,
      territory_code: input.territoryCode ?? null,
      starts_on: input.startsOn,
      ends_on: input.endsOn,
      target_events: input.targetEvents ?? null,
      target_suggestions: input.targetSuggestions ?? null,
      created_at: now,
      updated_at: now,
      version: 1,
    };
    await checked(tx, row);
    await insertCampaign(tx, row);
    audit.record({ action: 'campaign.create', resourceType: 'campaign', resourceId: row.id, after: auditView(row) });
    return row;
  });
}

/** Edits a campaign; a stale version is a conflict. */
export async function updateCampaignDetails(db: Kysely<DB>, ctx: CommandContext, id: string, patch: Partial<CampaignInput> & { version: number }): Promise<CampaignTable> {
  return runCommand(db, ctx, async (tx, audit) => {
    const before = await findCampaign(tx, id);
    if (!before) throw new AppError('NOT_FOUND', { zh: '找不到该协商议事月', en: 'No such campaign' });
    if (before.version !== patch.version) throw new AppError('VERSION_CONFLICT');
    const changes: Partial<CampaignTable> = {
      ...(patch.title !== undefined ? { title: patch.title } : {}),
      ...(patch.theme !== undefined ? { theme: patch.theme } : {}),
      ...(patch.description !== undefined ? { description: patch.description } : {}),
      ...(patch.territoryCode !== undefined ? { territory_code: patch.territoryCode } : {}),
      ...(patch.startsOn !== undefined ? { starts_on: patch.startsOn } : {}),
      ...(patch.endsOn !== undefined ? { ends_on: patch.endsOn } : {}),
      ...(patch.targetEvents !== undefined ? { target_events: patch.targetEvents } : {}),
      ...(patch.targetSuggestions !== undefined ? { target_suggestions: patch.targetSuggestions } : {}),
      updated_at: new Date().toISOString(),
    };
    const after: CampaignTable = { ...before, ...changes, version: before.version + 1 };
    await checked(tx, after);
    if (!(await updateCampaign(tx, id, patch.version, changes))) throw new AppError('VERSION_CONFLICT');
    audit.record({ action: 'campaign.update', resourceType: 'campaign', resourceId: id, before: auditView(before), after: auditView(after) });
    return after;
  });
}

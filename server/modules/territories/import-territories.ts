import fs from 'node:fs';
import { createGunzip } from 'node:zlib';
import type { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import type { Kysely } from 'kysely';
import { runCommand, type CommandContext } from '../../infra/commands.js';
import type { DB } from '../../infra/db/schema.js';
import { charLength } from '../../infra/http/fields.js';
import { countTerritories, existingCodes, upsertTerritories } from './territories.repository.js';
import type { TerritoryLevel, TerritoryTable } from './territories.table.js';
import { LEVELS, levelOfCode, parentCodeOf, statCodeOf } from './territory-code.js';

export interface ImportReport {
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  byLevel: Record<string, number>;
  seconds: number;
}

/** A row the importer refuses, with its line number; nothing of the file is written. */
export class TerritoryImportError extends Error {
  constructor(readonly problems: string[]) {
    super(`territory import rejected:\n${problems.slice(0, 20).join('\n')}${problems.length > 20 ? `\n… and ${problems.length - 20} more` : ''}`);
    this.name = 'TerritoryImportError';
  }
}

const BATCH = 1000;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Opens a CSV file, gunzipping it when its name ends in .gz. */
export function openTerritoryFile(file: string): Readable {
  const stream = fs.createReadStream(file);
  return file.endsWith('.gz') ? stream.pipe(createGunzip()) : stream;
}

/**
 * Imports the CSV layout `code,name,level,parent_code[,valid_from,valid_to]` in one
 * transaction: every row is checked (code shape, level, parent), new rows are inserted and
 * changed ones updated, so running it twice changes nothing the second time.
 */
export async function importTerritories(
  db: Kysely<DB>,
  ctx: CommandContext,
  input: Readable,
  opts: { source?: string; onProgress?: (rows: number) => void } = {},
): Promise<ImportReport> {
  const started = performance.now();
  const before = await countTerritories(db);
  const now = new Date().toISOString();
  const report = await runCommand(db, ctx, async (tx, audit) => {
    const parser = input.pipe(parse({ columns: true, bom: true, skip_empty_lines: true, trim: true }));
    const seen = new Set<string>();
    const parentsNeeded = new Set<string>();
    const problems: string[] = [];
    let batch: TerritoryTable[] = [];
    let rows = 0;
    let written = 0;
    const byLevel: Record<string, number> = {};
    for await (const record of parser as AsyncIterable<Record<string, string | undefined>>) {
      rows++;
      const line = rows + 1;
      const code = record.code ?? '';
      const name = (record.name ?? '').normalize('NFC').trim();
      const level = record.level as TerritoryLevel;
      const parent = record.parent_code || null;
      const validFrom = record.valid_from || null;
      const validTo = record.valid_to || null;
      const expectedLevel = levelOfCode(code);
      if (!expectedLevel) problems.push(`line ${line}: code "${code}" is not 2, 4, 6, 9 or 12 digits`);
      else if (!LEVELS.includes(level)) problems.push(`line ${line}: unknown level "${record.level ?? ''}"`);
      else if (level !== expectedLevel) problems.push(`line ${line}: code ${code} is a ${expectedLevel} code, not ${level}`);
      else if (parent !== parentCodeOf(code)) problems.push(`line ${line}: parent of ${code} must be ${parentCodeOf(code) ?? 'empty'}, not ${parent ?? 'empty'}`);
      if (!name || charLength(name) > 100 || /[\u0000-\u001F\u007F]/.test(name)) problems.push(`line ${line}: name must be 1–100 printable characters`);
      if ((validFrom && !DATE.test(validFrom)) || (validTo && !DATE.test(validTo))) problems.push(`line ${line}: validity dates must be YYYY-MM-DD`);
      if (seen.has(code)) problems.push(`line ${line}: code ${code} appears twice`);
      if (problems.length > 100) break;
      seen.add(code);
      if (parent && !seen.has(parent)) parentsNeeded.add(parent);
      byLevel[level] = (byLevel[level] ?? 0) + 1;
      batch.push({ code, stat_code: statCodeOf(code), name, level, parent_code: parent, valid_from: validFrom, valid_to: validTo, updated_at: now });
      if (batch.length >= BATCH) {
        if (problems.length === 0) written += await upsertTerritories(tx, batch);
        batch = [];
        opts.onProgress?.(rows);
      }
    }
    if (problems.length === 0) written += await upsertTerritories(tx, batch);
    opts.onProgress?.(rows);
    for (const p of [...parentsNeeded]) if (seen.has(p)) parentsNeeded.delete(p);
    if (parentsNeeded.size > 0) {
      const found = await existingCodes(tx, [...parentsNeeded]);
      for (const p of parentsNeeded) if (!found.has(p)) problems.push(`parent ${p} is neither in the file nor in the database`);
    }
    if (problems.length > 0) throw new TerritoryImportError(problems);
    const after = await countTerritories(tx);
    const created = after - before;
    const result = { rows, created, updated: written - created, unchanged: rows - written, byLevel };
    audit.record({
      action: 'territories.import',
      resourceType: 'territory',
      resourceId: null,
      after: { source: opts.source ?? null, ...result },
    });
    return result;
  });
  return { ...report, seconds: (performance.now() - started) / 1000 };
}

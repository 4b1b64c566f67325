/**
 * Reads a Polis open-data export (votes.csv, comments.csv, participants-votes.csv) into the
 * map's input — for tests and the benchmark only; the product never reads these files.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { VoteMatrixBuilder } from './matrix.js';
import type { VoteMatrix } from './types.js';

function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          cell += '"';
          i++;
        } else quoted = false;
      } else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += ch;
  }
  if (cell || row.length) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

export interface PolisConversation {
  matrix: VoteMatrix;
  /** Voter id (as in the export) of each row, and comment id of each column. */
  participantIds: number[];
  statementIds: number[];
  /** Columns of comments moderated out (`moderated` = −1). */
  moderatedOut: Uint8Array;
  /** The export's group of each voter id (absent when not grouped). */
  exportedGroups: Map<number, number>;
  votes: number;
}

export function loadPolisConversation(dir: string): PolisConversation {
  const [voteHeader, ...voteRows] = parseCsv(readFileSync(join(dir, 'votes.csv'), 'utf8'));
  const col = (name: string) => voteHeader!.indexOf(name);
  const [t, c, v, p] = [col('timestamp'), col('comment-id'), col('voter-id'), col('vote')];
  const votes = voteRows
    .filter((r) => r.length > 1)
    .map((r) => ({ time: Number(r[t]), comment: Number(r[c]), voter: Number(r[v]), vote: Number(r[p]) }))
    .sort((a, b) => a.time - b.time);
  const builder = new VoteMatrixBuilder();
  for (const x of votes) builder.add(x.voter, x.comment, x.vote);
  const { matrix, participantIds, statementIds } = builder.build<number>();

  const [commentHeader, ...commentRows] = parseCsv(readFileSync(join(dir, 'comments.csv'), 'utf8'));
  const cid = commentHeader!.indexOf('comment-id');
  const mod = commentHeader!.indexOf('moderated');
  const out = new Set(commentRows.filter((r) => r[mod] === '-1').map((r) => Number(r[cid])));
  const moderatedOut = Uint8Array.from(statementIds, (id) => (out.has(id) ? 1 : 0));

  const [, ...participantRows] = parseCsv(readFileSync(join(dir, 'participants-votes.csv'), 'utf8'));
  const exportedGroups = new Map<number, number>();
  for (const r of participantRows) if (r.length > 1 && r[1] !== '') exportedGroups.set(Number(r[0]), Number(r[1]));
  return { matrix, participantIds, statementIds, moderatedOut, exportedGroups, votes: votes.length };
}

/**
 * Agreement with the exported groups over participants grouped in both, after the best
 * one-to-one matching of our group labels to theirs (all permutations; k ≤ 5).
 */
export function groupAgreement(ours: Map<number, number>, theirs: Map<number, number>): { matched: number; compared: number; share: number } {
  const both = [...theirs.keys()].filter((id) => ours.has(id));
  const a = [...new Set(both.map((id) => ours.get(id)!))];
  const b = [...new Set(both.map((id) => theirs.get(id)!))];
  const table = new Map<string, number>();
  for (const id of both) {
    const key = `${ours.get(id)}:${theirs.get(id)}`;
    table.set(key, (table.get(key) ?? 0) + 1);
  }
  let best = 0;
  const used = new Set<number>();
  const search = (k: number, sum: number) => {
    if (k === a.length) {
      best = Math.max(best, sum);
      return;
    }
    search(k + 1, sum); // our group k matched to none of theirs
    for (const g of b) {
      if (used.has(g)) continue;
      used.add(g);
      search(k + 1, sum + (table.get(`${a[k]}:${g}`) ?? 0));
      used.delete(g);
    }
  };
  search(0, 0);
  return { matched: best, compared: both.length, share: both.length ? best / both.length : 0 };
}

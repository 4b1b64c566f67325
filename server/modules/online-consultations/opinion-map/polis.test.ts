/**
 * The real deliberations in ../shared/data/polis (CC BY 4.0, The Computational Democracy
 * Project): the map computed from votes.csv against the groups in the export.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { centre, computeOpinionMap, lanczosComponents, powerIterationComponents } from './index.js';
import { groupAgreement, loadPolisConversation } from './polis-data.js';
import { cosine, rightSingularVectors } from './svd.test-support.js';

const DATA = path.resolve(import.meta.dirname, '../../../../../shared/data/polis');
/** Agreement with the exported groups required where the reference method agrees closely (OPINION_MAP.md). */
const REQUIRED: Record<string, number> = { 'vtaiwan.uberx': 0.95, 'scoop-hivemind.biodiversity': 0.95 };
const CONVERSATIONS = ['vtaiwan.uberx', 'scoop-hivemind.biodiversity', '15-per-hour-seattle', 'brexit-consensus'];

describe.each(CONVERSATIONS)('%s', (name) => {
  const conversation = loadPolisConversation(path.join(DATA, name));

  it.each(['faithful', 'improved'] as const)('%s mode: groups against the export', (mode) => {
    const map = computeOpinionMap({ matrix: conversation.matrix, moderatedOut: conversation.moderatedOut, mode });
    const ours = new Map<number, number>();
    conversation.participantIds.forEach((id, i) => map.group[i]! >= 0 && ours.set(id, map.group[i]!));
    const a = groupAgreement(ours, conversation.exportedGroups);
    console.info(
      `${name} (${mode}): ${conversation.matrix.participants} participants × ${conversation.matrix.statements} statements, ${conversation.votes} votes; ` +
        `${map.groups.length} groups [${map.groups.map((g) => g.members.length).join(', ')}] vs ${new Set(conversation.exportedGroups.values()).size} exported; ` +
        `${a.matched} of ${a.compared} grouped participants match (${(a.share * 100).toFixed(1)} %)`,
    );
    // Nearly everyone the export grouped is grouped by us too.
    expect(a.compared).toBeGreaterThanOrEqual(conversation.exportedGroups.size * 0.95);
    if (REQUIRED[name]) expect(a.share).toBeGreaterThanOrEqual(REQUIRED[name]!);
    // Representative and consensus statements are never moderated-out ones.
    for (const g of map.groups) for (const r of g.representative) expect(conversation.moderatedOut[r.statement]).toBe(0);
    for (const c of [...map.consensus.agree, ...map.consensus.disagree]) expect(conversation.moderatedOut[c.statement]).toBe(0);
  });

  it('both modes’ components match an exact SVD of the centred matrix (|cos| ≥ 1 − 1e-9)', () => {
    const m = conversation.matrix;
    const c = centre(m, conversation.moderatedOut);
    const dense = Array.from({ length: m.participants }, () => new Array<number>(m.statements).fill(0));
    // Written out independently of the module: column means over the votes present, moderated-out columns zero.
    const sums = new Array<number>(m.statements).fill(0);
    const counts = new Array<number>(m.statements).fill(0);
    for (let q = 0; q < m.cols.length; q++) {
      sums[m.cols[q]!]! += m.vals[q]!;
      counts[m.cols[q]!]!++;
    }
    for (let i = 0; i < m.participants; i++)
      for (let q = m.rowPtr[i]!; q < m.rowPtr[i + 1]!; q++) {
        const j = m.cols[q]!;
        if (!conversation.moderatedOut[j]) dense[i]![j] = m.vals[q]! - sums[j]! / counts[j]!;
      }
    const exact = rightSingularVectors(dense, m.statements);
    for (const comps of [powerIterationComponents(c), lanczosComponents(c)])
      for (let k = 0; k < 2; k++) expect(Math.abs(cosine(comps[k]!, exact.vectors[k]!))).toBeGreaterThanOrEqual(1 - 1e-9);
  });
});

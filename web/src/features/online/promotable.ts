import type { OpinionMapView } from '../../api/types.js';
import { percent } from './map-numbers.js';

export interface Candidate {
  statementId: string;
  seq: number;
  text: string;
  why: 'consensus' | 'bridging';
  agreePercent: number;
}

/** Statements worth taking to the event's suggestion list: common ground, then the best bridges between groups. */
export function candidates(map: OpinionMapView): Candidate[] {
  const out: Candidate[] = map.consensus.agree.map((c) => ({ statementId: c.statementId, seq: c.seq, text: c.text, why: 'consensus', agreePercent: c.agreePercent ?? 0 }));
  const seen = new Set(out.map((c) => c.statementId));
  const bridges = map.statements
    .filter((s) => !s.meta && !seen.has(s.id) && s.votes > 0 && s.agree > s.disagree)
    .sort((a, b) => b.groupInformedConsensus - a.groupInformedConsensus)
    .slice(0, 5);
  for (const s of bridges) out.push({ statementId: s.id, seq: s.seq, text: s.text, why: 'bridging', agreePercent: percent(s.agree, s.votes) });
  return out;
}

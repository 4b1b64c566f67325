/**
 * What is stored of a computed opinion map: the pure module's output with caller ids in place
 * of dense indices, rounded, and only what the map page and the next statement need. Texts,
 * meta flags and statuses are not copied: they are read fresh when the map is presented, so a
 * moderation decision shows at once.
 */
import type { MapState, OpinionMap } from './opinion-map/index.js';

/** Points drawn on the map at most (sampled evenly from everyone projected). */
export const MAX_POINTS = 2000;

export interface SnapshotGroup {
  id: number;
  size: number;
  centre: [number, number];
  representative: { statementId: string; direction: 'agree' | 'disagree' }[];
  /** Per statement (in `statementIds` order): the group's agrees, disagrees and votes. */
  agrees: number[];
  disagrees: number[];
  votes: number[];
}

export interface MapSnapshot {
  participants: number;
  grouped: number;
  votes: number;
  statementIds: string[];
  /** Per statement (in `statementIds` order). */
  agrees: number[];
  disagrees: number[];
  passes: number[];
  statementVotes: number[];
  x: number[];
  y: number[];
  extremity: number[];
  groupInformedConsensus: number[];
  groups: SnapshotGroup[];
  consensus: { agree: string[]; disagree: string[] };
  points: [number, number, number][];
  /** Participant id → [x, y, group], for the viewer's own point. */
  positions: Record<string, [number, number, number]>;
}

/** The state stored beside the map: the pure module's, with grouped participants as ids (indices shift when someone new votes). */
export interface StoredState {
  state: Omit<MapState, 'grouped' | 'components'>;
  groupedIds: string[];
  /** The last components as statement id → [loading 1, loading 2] (columns move when a pending statement is accepted). */
  components?: Record<string, [number, number]>;
}

const round = (v: number) => Math.round(v * 10_000) / 10_000;
const list = (a: ArrayLike<number>) => Array.from(a, round);

/** The previous state in this recompute's indices. */
export function previousState(stored: StoredState | null, participantIds: string[], statementIds: string[]): MapState | null {
  if (!stored) return null;
  const index = new Map(participantIds.map((id, i) => [id, i]));
  const grouped = stored.groupedIds.map((id) => index.get(id)).filter((i): i is number => i !== undefined);
  const state: MapState = { ...stored.state, grouped };
  const c = stored.components;
  if (c) state.components = [statementIds.map((id) => c[id]?.[0] ?? 0), statementIds.map((id) => c[id]?.[1] ?? 0)];
  return state;
}

export function storedState(state: MapState, participantIds: string[], statementIds: string[]): StoredState {
  const { grouped, components, ...rest } = state;
  const out: StoredState = { state: rest, groupedIds: grouped.map((i) => participantIds[i] as string) };
  if (components) out.components = Object.fromEntries(statementIds.map((id, j) => [id, [components[0][j] ?? 0, components[1][j] ?? 0]]));
  return out;
}

/** Evenly spaced indices: every ⌈n / max⌉-th, at most `max`. */
function sample(n: number, max: number): number[] {
  if (n <= max) return Array.from({ length: n }, (_, i) => i);
  return Array.from({ length: max }, (_, i) => Math.floor((i * n) / max));
}

export function snapshotOf(map: OpinionMap, participantIds: string[], statementIds: string[]): MapSnapshot {
  const positions: MapSnapshot['positions'] = {};
  let grouped = 0;
  for (let i = 0; i < map.participants; i++) {
    positions[participantIds[i] as string] = [round(map.x[i] as number), round(map.y[i] as number), map.group[i] as number];
    if ((map.group[i] as number) >= 0) grouped++;
  }
  const sid = (s: number) => statementIds[s] as string;
  return {
    participants: map.participants,
    grouped,
    votes: Array.from(map.votes).reduce((a, b) => a + b, 0),
    statementIds,
    agrees: Array.from(map.agrees),
    disagrees: Array.from(map.disagrees),
    passes: Array.from(map.passes),
    statementVotes: Array.from(map.votes),
    x: list(map.statementX),
    y: list(map.statementY),
    extremity: list(map.extremity),
    groupInformedConsensus: Array.from(map.groupInformedConsensus, (v) => Math.round(v * 1e6) / 1e6),
    groups: map.groups.map((g) => ({
      id: g.id,
      size: g.members.length,
      centre: [round(g.centre[0]), round(g.centre[1])],
      representative: g.representative.map((r) => ({ statementId: sid(r.statement), direction: r.direction })),
      agrees: Array.from(g.agrees),
      disagrees: Array.from(g.disagrees),
      votes: Array.from(g.votes),
    })),
    consensus: { agree: map.consensus.agree.map((c) => sid(c.statement)), disagree: map.consensus.disagree.map((c) => sid(c.statement)) },
    points: sample(map.participants, MAX_POINTS).map((i) => [round(map.x[i] as number), round(map.y[i] as number), map.group[i] as number]),
    positions,
  };
}

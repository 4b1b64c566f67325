/**
 * The opinion map of an online consultation (线上微协商): types of the pure computation.
 * Participants and statements are dense indices (0 … n−1) in order of first appearance;
 * the caller maps its own ids to them. Votes: +1 agree, −1 disagree, 0 pass.
 */

/** The vote matrix in compressed sparse rows: participant p's votes are cols/vals[rowPtr[p] … rowPtr[p+1]). */
export interface VoteMatrix {
  participants: number;
  statements: number;
  rowPtr: Int32Array;
  cols: Int32Array;
  vals: Int8Array;
}

/** `faithful` follows the reference method step by step; `improved` adds the documented departures (docs/OPINION-MAP.md). */
export type MapMode = 'faithful' | 'improved';

/** What one recompute hands to the next in a live consultation (kept by the caller, opaque to it). */
export interface MapState {
  /** Participants grouped so far (index → 1): once grouped, always grouped. */
  grouped: number[];
  /** The k chosen last time, and the candidate k with how many updates in a row it has won. */
  k: number;
  candidateK: number;
  candidateWins: number;
  /** The improved mode keeps the last components to hold their signs steady between updates. */
  components?: [number[], number[]];
}

export interface OpinionMapInput {
  matrix: VoteMatrix;
  /** Statements moderated out (index → true): their column counts as 0 for everyone in projection and representativeness. */
  moderatedOut?: ArrayLike<boolean | number>;
  mode?: MapMode;
  previous?: MapState | null;
}

export type Direction = 'agree' | 'disagree';

export interface RepresentativeStatement {
  statement: number;
  direction: Direction;
  /** Agrees (or disagrees) among the group's votes on it, and the group's votes on it (passes included). */
  count: number;
  votes: number;
  /** Smoothed share (n+1)/(votes+2) in the group, and the ratio to the other groups' share. */
  share: number;
  ratio: number;
  shareZ: number;
  ratioZ: number;
  metric: number;
}

export interface OpinionGroup {
  id: number;
  members: number[];
  centre: [number, number];
  representative: RepresentativeStatement[];
  /** Per statement: the group's agrees, disagrees and votes (passes included). */
  agrees: Int32Array;
  disagrees: Int32Array;
  votes: Int32Array;
}

export interface ConsensusStatement {
  statement: number;
  /** Smoothed share over everyone, and its one-proportion z. */
  share: number;
  z: number;
}

export interface OpinionMap {
  mode: MapMode;
  participants: number;
  statements: number;
  /** Each participant's position, and group id (−1 for not grouped). */
  x: Float64Array;
  y: Float64Array;
  group: Int32Array;
  /** Each statement's position and extremity (distance from the origin). */
  statementX: Float64Array;
  statementY: Float64Array;
  extremity: Float64Array;
  /** Raw counts over everyone (moderated statements included). */
  agrees: Int32Array;
  disagrees: Int32Array;
  passes: Int32Array;
  votes: Int32Array;
  groups: OpinionGroup[];
  consensus: { agree: ConsensusStatement[]; disagree: ConsensusStatement[] };
  /** Product over groups of (agrees+1)/(votes+2); 0 … 1. */
  groupInformedConsensus: Float64Array;
  /** Weight of each statement for the next one shown (moderated-out statements 0). */
  priority: Float64Array;
  components: [Float64Array, Float64Array];
  centre: Float64Array;
  state: MapState;
}

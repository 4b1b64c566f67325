import type { VoteMatrix } from './types.js';

/**
 * Collects votes keyed by the caller's ids and builds the sparse vote matrix. Rows and columns
 * take the order in which participants and statements first appear; a later vote by the same
 * participant on the same statement replaces the earlier one.
 */
export class VoteMatrixBuilder {
  private readonly participantIndex = new Map<string | number, number>();
  private readonly statementIndex = new Map<string | number, number>();
  private readonly participantIds: (string | number)[] = [];
  private readonly statementIds: (string | number)[] = [];
  private p = new Int32Array(1024);
  private s = new Int32Array(1024);
  private v = new Int8Array(1024);
  private n = 0;

  /** Declares a statement that may have no votes yet (its column keeps its place). */
  addStatement(statementId: string | number): number {
    let j = this.statementIndex.get(statementId);
    if (j === undefined) {
      j = this.statementIds.length;
      this.statementIndex.set(statementId, j);
      this.statementIds.push(statementId);
    }
    return j;
  }

  add(participantId: string | number, statementId: string | number, vote: number): void {
    if (vote !== 1 && vote !== -1 && vote !== 0) throw new RangeError(`a vote is 1, -1 or 0, not ${vote}`);
    let i = this.participantIndex.get(participantId);
    if (i === undefined) {
      i = this.participantIds.length;
      this.participantIndex.set(participantId, i);
      this.participantIds.push(participantId);
    }
    const j = this.addStatement(statementId);
    if (this.n === this.p.length) this.grow();
    this.p[this.n] = i;
    this.s[this.n] = j;
    this.v[this.n] = vote;
    this.n++;
  }

  private grow() {
    const size = this.p.length * 2;
    const p = new Int32Array(size);
    p.set(this.p);
    const s = new Int32Array(size);
    s.set(this.s);
    const v = new Int8Array(size);
    v.set(this.v);
    this.p = p;
    this.s = s;
    this.v = v;
  }

  build<T extends string | number = string>(): { matrix: VoteMatrix; participantIds: T[]; statementIds: T[] } {
    const rows = this.participantIds.length;
    const cols = this.statementIds.length;
    // Counting sort by participant, keeping the arrival order inside a row.
    const count = new Int32Array(rows + 1);
    for (let k = 0; k < this.n; k++) count[this.p[k]! + 1]!++;
    for (let i = 0; i < rows; i++) count[i + 1]! += count[i]!;
    const order = new Int32Array(this.n);
    const fill = count.slice(0, rows);
    for (let k = 0; k < this.n; k++) order[fill[this.p[k]!]!++] = k;
    // Within a row the last vote on a statement wins; columns ascending.
    const mark = new Int32Array(cols);
    const latest = new Int8Array(cols);
    const rowPtr = new Int32Array(rows + 1);
    const outCols = new Int32Array(this.n);
    const outVals = new Int8Array(this.n);
    let out = 0;
    for (let i = 0; i < rows; i++) {
      rowPtr[i] = out;
      let len = 0;
      for (let q = count[i]!; q < count[i + 1]!; q++) {
        const k = order[q]!;
        const j = this.s[k]!;
        if (mark[j] !== i + 1) {
          mark[j] = i + 1;
          outCols[out + len++] = j;
        }
        latest[j] = this.v[k]!;
      }
      outCols.subarray(out, out + len).sort();
      for (let q = out; q < out + len; q++) outVals[q] = latest[outCols[q]!]!;
      out += len;
    }
    rowPtr[rows] = out;
    return {
      matrix: { participants: rows, statements: cols, rowPtr, cols: outCols.slice(0, out), vals: outVals.slice(0, out) },
      participantIds: this.participantIds as T[],
      statementIds: this.statementIds as T[],
    };
  }
}

/** Votes per participant (passes count). */
export function votesPerParticipant(m: VoteMatrix): Int32Array {
  const out = new Int32Array(m.participants);
  for (let i = 0; i < m.participants; i++) out[i] = m.rowPtr[i + 1]! - m.rowPtr[i]!;
  return out;
}

/** Agrees, disagrees, passes and votes per statement over the given participants (all when omitted). */
export function statementCounts(m: VoteMatrix, rows?: Iterable<number>) {
  const agrees = new Int32Array(m.statements);
  const disagrees = new Int32Array(m.statements);
  const passes = new Int32Array(m.statements);
  const votes = new Int32Array(m.statements);
  const add = (i: number) => {
    for (let q = m.rowPtr[i]!; q < m.rowPtr[i + 1]!; q++) {
      const j = m.cols[q]!;
      const v = m.vals[q]!;
      votes[j]!++;
      if (v > 0) agrees[j]!++;
      else if (v < 0) disagrees[j]!++;
      else passes[j]!++;
    }
  };
  if (rows) for (const i of rows) add(i);
  else for (let i = 0; i < m.participants; i++) add(i);
  return { agrees, disagrees, passes, votes };
}

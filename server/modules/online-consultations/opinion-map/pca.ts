import type { VoteMatrix } from './types.js';

/**
 * Projection (OPINION_MAP.md §2). Empty cells are filled with their column's mean and the
 * columns centred, so the centred matrix is as sparse as the votes: a voted cell holds
 * vote − mean, every other cell 0. Statements moderated out hold 0 for everyone.
 */
export interface Centred {
  rows: number;
  cols: number;
  rowPtr: Int32Array;
  colIdx: Int32Array;
  /** vote − column mean for each stored vote (0 in a moderated-out column). */
  values: Float64Array;
  /** Column means over the votes present (0 for a moderated-out column). */
  means: Float64Array;
  /** For the scaling √(statements ÷ statements voted on): the statement count and each row's count. */
  statementsForScale: number;
  votedForScale: Int32Array;
}

export function centre(m: VoteMatrix, modOut: Uint8Array): Centred {
  const sums = new Float64Array(m.statements);
  const counts = new Int32Array(m.statements);
  for (let q = 0; q < m.cols.length; q++) {
    sums[m.cols[q]!]! += m.vals[q]!;
    counts[m.cols[q]!]!++;
  }
  const means = new Float64Array(m.statements);
  let modOutCount = 0;
  for (let j = 0; j < m.statements; j++) {
    if (modOut[j]) modOutCount++;
    else if (counts[j]! > 0) means[j] = sums[j]! / counts[j]!;
  }
  const values = new Float64Array(m.cols.length);
  const voted = new Int32Array(m.participants);
  for (let i = 0; i < m.participants; i++) {
    let n = 0;
    for (let q = m.rowPtr[i]!; q < m.rowPtr[i + 1]!; q++) {
      const j = m.cols[q]!;
      if (modOut[j]) continue;
      values[q] = m.vals[q]! - means[j]!;
      n++;
    }
    // The reference method zeroes a moderated-out column for everyone, so every participant
    // counts as having voted on it. (Leaving such columns out of the scaling was tried: it moves
    // sparse voters enough to cut agreement with the real exports from 97–99 % to 87–92 %.)
    voted[i] = n + modOutCount;
  }
  return {
    rows: m.participants,
    cols: m.statements,
    rowPtr: m.rowPtr,
    colIdx: m.cols,
    values,
    means,
    statementsForScale: m.statements,
    votedForScale: voted,
  };
}

/** X·v (length rows). */
export function times(c: Centred, v: Float64Array, out = new Float64Array(c.rows)): Float64Array {
  for (let i = 0; i < c.rows; i++) {
    let t = 0;
    for (let q = c.rowPtr[i]!; q < c.rowPtr[i + 1]!; q++) t += c.values[q]! * v[c.colIdx[q]!]!;
    out[i] = t;
  }
  return out;
}

/** Xᵀ·u (length cols). */
export function timesTransposed(c: Centred, u: Float64Array, out = new Float64Array(c.cols)): Float64Array {
  out.fill(0);
  for (let i = 0; i < c.rows; i++) {
    const t = u[i]!;
    if (t === 0) continue;
    for (let q = c.rowPtr[i]!; q < c.rowPtr[i + 1]!; q++) out[c.colIdx[q]!]! += c.values[q]! * t;
  }
  return out;
}

const dot = (a: Float64Array, b: Float64Array) => {
  let s = 0;
  for (let k = 0; k < a.length; k++) s += a[k]! * b[k]!;
  return s;
};
const norm = (a: Float64Array) => Math.sqrt(dot(a, a));

/** Makes the largest-magnitude loading positive (the sign convention of both modes). */
export function fixSign(v: Float64Array): Float64Array {
  let best = 0;
  for (let k = 1; k < v.length; k++) if (Math.abs(v[k]!) > Math.abs(v[best]!)) best = k;
  if (v.length && v[best]! < 0) for (let k = 0; k < v.length; k++) v[k] = -v[k]! || 0;
  return v;
}

/**
 * The reference method: power iteration on XᵀX from the all-ones vector, up to 100 steps
 * (stopping early when the eigenvalue estimate repeats exactly); the second component on the
 * data with the first removed from every row.
 */
export function powerIterationComponents(c: Centred, steps = 100): [Float64Array, Float64Array] {
  const m = c.cols;
  const first = powerIteration(c, m, steps, null);
  const second = m > 1 ? powerIteration(c, m, steps, first) : new Float64Array(m);
  return [fixSign(first), fixSign(second)];
}

function powerIteration(c: Centred, m: number, steps: number, removed: Float64Array | null): Float64Array {
  // With `removed` (unit r): X' = X − (X r) rᵀ, so X'v = Xv − (Xr)(r·v) and X'ᵀu = Xᵀu − r((Xr)·u).
  const xr = removed ? times(c, removed) : null;
  let v = new Float64Array(m).fill(1);
  let last = 0;
  const u = new Float64Array(c.rows);
  const p = new Float64Array(m);
  for (let iter = steps; ; iter--) {
    times(c, v, u);
    if (removed && xr) {
      const rv = dot(removed, v);
      for (let i = 0; i < u.length; i++) u[i]! -= xr[i]! * rv;
    }
    timesTransposed(c, u, p);
    if (removed && xr) {
      const s = dot(xr, u);
      for (let j = 0; j < m; j++) p[j]! -= removed[j]! * s;
    }
    const eigval = norm(p);
    if (eigval === 0) return new Float64Array(m);
    const next = new Float64Array(m);
    for (let j = 0; j < m; j++) next[j] = p[j]! / eigval;
    v = next;
    if (iter === 0 || eigval === last) return v;
    last = eigval;
  }
}

/**
 * The improved mode: the two leading eigenvectors of XᵀX by Lanczos with full
 * reorthogonalisation, to convergence (residual ≤ 1e-12 of the largest eigenvalue) — exact to
 * rounding where 100 power steps may stop short when the leading eigenvalues lie close.
 */
export function lanczosComponents(c: Centred, tolerance = 1e-12): [Float64Array, Float64Array] {
  const m = c.cols;
  if (m === 0) return [new Float64Array(0), new Float64Array(0)];
  const Q: Float64Array[] = [];
  const alpha: number[] = [];
  const beta: number[] = []; // beta[k] couples q_k and q_{k+1}
  const u = new Float64Array(c.rows);
  let q: Float64Array = new Float64Array(m).fill(1 / Math.sqrt(m));
  let seed = 12345;
  const random = () => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return seed / 4294967296 - 0.5;
  };
  let ritz: { values: number[]; vectors: number[][] } | null = null;
  for (let k = 0; k < m; k++) {
    Q.push(q);
    const w = timesTransposed(c, times(c, q, u));
    const a = dot(w, q);
    alpha.push(a);
    // Full reorthogonalisation (twice is enough).
    for (let pass = 0; pass < 2; pass++) {
      for (const qi of Q) {
        const h = dot(w, qi);
        for (let j = 0; j < m; j++) w[j]! -= h * qi[j]!;
      }
    }
    let b = norm(w);
    const n = k + 1;
    const check = n === m || n >= 2 && (n % 4 === 0 || b < 1e-13);
    if (check) {
      ritz = tridiagonalEigen(alpha, beta);
      const top = ritz.values[0] ?? 0;
      const need = Math.min(2, n);
      let converged = n === m;
      if (!converged && n >= 2) {
        converged = true;
        for (let r = 0; r < need; r++) if (Math.abs(b * ritz.vectors[r]![n - 1]!) > tolerance * Math.max(top, 1e-300)) converged = false;
      }
      if (converged) break;
    }
    if (n === m) break;
    if (b < 1e-13 * Math.max(Math.abs(alpha[0]!), 1e-300)) {
      // An invariant subspace: continue from a fresh direction orthogonal to the basis.
      const fresh = new Float64Array(m);
      for (let j = 0; j < m; j++) fresh[j] = random();
      for (let pass = 0; pass < 2; pass++)
        for (const qi of Q) {
          const h = dot(fresh, qi);
          for (let j = 0; j < m; j++) fresh[j]! -= h * qi[j]!;
        }
      const f = norm(fresh);
      if (f < 1e-12) break;
      for (let j = 0; j < m; j++) w[j] = fresh[j]! / f;
      b = 0;
    } else for (let j = 0; j < m; j++) w[j]! /= b;
    beta.push(b);
    q = w;
  }
  if (!ritz || ritz.values.length !== alpha.length) ritz = tridiagonalEigen(alpha, beta.slice(0, alpha.length - 1));
  const out: Float64Array[] = [];
  for (let r = 0; r < 2; r++) {
    const v = new Float64Array(m);
    const y = ritz.vectors[r];
    if (y && (ritz.values[r] ?? 0) > 0) {
      for (let k = 0; k < Q.length && k < y.length; k++) {
        const qk = Q[k]!;
        const yk = y[k]!;
        for (let j = 0; j < m; j++) v[j]! += yk * qk[j]!;
      }
      const l = norm(v);
      if (l > 0) for (let j = 0; j < m; j++) v[j]! /= l;
    }
    out.push(fixSign(v));
  }
  return [out[0]!, out[1]!];
}

/** Eigenvalues (descending) and eigenvectors of a symmetric tridiagonal matrix, by cyclic Jacobi. */
export function tridiagonalEigen(alpha: number[], beta: number[]): { values: number[]; vectors: number[][] } {
  const n = alpha.length;
  const a: number[][] = Array.from({ length: n }, (_, i) => {
    const row = new Array<number>(n).fill(0);
    row[i] = alpha[i]!;
    if (i > 0) row[i - 1] = beta[i - 1] ?? 0;
    if (i < n - 1) row[i + 1] = beta[i] ?? 0;
    return row;
  });
  const { values, vectors } = jacobiEigen(a);
  return { values, vectors };
}

/** Eigen-decomposition of a small dense symmetric matrix (cyclic Jacobi); values descending, vectors as rows. */
export function jacobiEigen(input: number[][]): { values: number[]; vectors: number[][] } {
  const n = input.length;
  const a = input.map((r) => r.slice());
  const v: number[][] = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? 1 : 0)));
  for (let sweep = 0; sweep < 100; sweep++) {
    let off = 0;
    let diag = 0;
    for (let i = 0; i < n; i++) {
      diag += a[i]![i]! * a[i]![i]!;
      for (let j = i + 1; j < n; j++) off += a[i]![j]! * a[i]![j]!;
    }
    if (off <= 1e-30 * Math.max(diag, 1e-300)) break;
    for (let p = 0; p < n - 1; p++)
      for (let q = p + 1; q < n; q++) {
        const apq = a[p]![q]!;
        if (apq === 0) continue;
        const theta = (a[q]![q]! - a[p]![p]!) / (2 * apq);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const cs = 1 / Math.sqrt(t * t + 1);
        const sn = t * cs;
        for (let k = 0; k < n; k++) {
          const akp = a[k]![p]!;
          const akq = a[k]![q]!;
          a[k]![p] = cs * akp - sn * akq;
          a[k]![q] = sn * akp + cs * akq;
        }
        for (let k = 0; k < n; k++) {
          const apk = a[p]![k]!;
          const aqk = a[q]![k]!;
          a[p]![k] = cs * apk - sn * aqk;
          a[q]![k] = sn * apk + cs * aqk;
        }
        for (let k = 0; k < n; k++) {
          const vkp = v[k]![p]!;
          const vkq = v[k]![q]!;
          v[k]![p] = cs * vkp - sn * vkq;
          v[k]![q] = sn * vkp + cs * vkq;
        }
      }
  }
  const order = Array.from({ length: n }, (_, i) => i).sort((x, y) => a[y]![y]! - a[x]![x]!);
  return { values: order.map((i) => a[i]![i]!), vectors: order.map((i) => v.map((row) => row[i]!)) };
}

/**
 * Positions: a participant's is Σ over the statements they voted on of (vote − mean) × loading,
 * scaled by √(statements ÷ statements voted on); a statement's is that of a participant who
 * agreed with it only.
 */
export function project(c: Centred, comps: [Float64Array, Float64Array]) {
  const [c1, c2] = comps;
  const x = new Float64Array(c.rows);
  const y = new Float64Array(c.rows);
  for (let i = 0; i < c.rows; i++) {
    let p1 = 0;
    let p2 = 0;
    for (let q = c.rowPtr[i]!; q < c.rowPtr[i + 1]!; q++) {
      const j = c.colIdx[q]!;
      p1 += c.values[q]! * c1[j]!;
      p2 += c.values[q]! * c2[j]!;
    }
    const scale = Math.sqrt(c.statementsForScale / Math.max(c.votedForScale[i]!, 1));
    x[i] = p1 * scale;
    y[i] = p2 * scale;
  }
  const sx = new Float64Array(c.cols);
  const sy = new Float64Array(c.cols);
  const extremity = new Float64Array(c.cols);
  const scale = Math.sqrt(c.statementsForScale);
  for (let j = 0; j < c.cols; j++) {
    const d = 1 - c.means[j]!;
    sx[j] = d * c1[j]! * scale;
    sy[j] = d * c2[j]! * scale;
    extremity[j] = Math.hypot(sx[j]!, sy[j]!);
  }
  return { x, y, statementX: sx, statementY: sy, extremity };
}

/** k-means (Lloyd) on 2-D points, optionally weighted, and the silhouette used to choose k (OPINION_MAP.md §3). */

export interface Points {
  x: ArrayLike<number>;
  y: ArrayLike<number>;
  /** Weight of each point (1 when omitted). */
  weight?: ArrayLike<number>;
}

export interface Clustering {
  /** Centres of the non-empty clusters, in the order of the initial centres. */
  cx: number[];
  cy: number[];
  /** Each point's cluster (an index into cx/cy). */
  assignment: Int32Array;
  /** Members per cluster (unweighted count). */
  sizes: number[];
  iterations: number;
}

/** The first k distinct points, in order. */
export function firstDistinct(points: Points, k: number): { cx: number[]; cy: number[] } {
  const cx: number[] = [];
  const cy: number[] = [];
  const seen = new Set<string>();
  for (let i = 0; i < points.x.length && cx.length < k; i++) {
    const key = `${points.x[i]},${points.y[i]}`;
    if (seen.has(key)) continue;
    seen.add(key);
    cx.push(points.x[i]!);
    cy.push(points.y[i]!);
  }
  return { cx, cy };
}

/**
 * Lloyd's iterations from the given centres: assign every point to its nearest centre (the
 * first on a tie), drop empty clusters, move each centre to its members' (weighted) mean;
 * stop when every centre moved less than `threshold`, or after `maxIterations`. The members
 * returned are those of the last assignment.
 */
export function kmeans(points: Points, start: { cx: number[]; cy: number[] }, maxIterations = 100, threshold = 0.01): Clustering {
  const n = points.x.length;
  let cx = start.cx.slice();
  let cy = start.cy.slice();
  let assignment = new Int32Array(n);
  let sizes: number[] = [];
  let iterations = 0;
  for (;;) {
    iterations++;
    const k = cx.length;
    const raw = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      const px = points.x[i]!;
      const py = points.y[i]!;
      let best = 0;
      let bestD = Infinity;
      for (let c = 0; c < k; c++) {
        const dx = px - cx[c]!;
        const dy = py - cy[c]!;
        const d = dx * dx + dy * dy;
        if (d < bestD) {
          bestD = d;
          best = c;
        }
      }
      raw[i] = best;
    }
    const sumX = new Float64Array(k);
    const sumY = new Float64Array(k);
    const sumW = new Float64Array(k);
    const count = new Int32Array(k);
    for (let i = 0; i < n; i++) {
      const c = raw[i]!;
      const w = points.weight ? points.weight[i]! : 1;
      sumX[c]! += w * points.x[i]!;
      sumY[c]! += w * points.y[i]!;
      sumW[c]! += w;
      count[c]!++;
    }
    const remap = new Int32Array(k).fill(-1);
    const nx: number[] = [];
    const ny: number[] = [];
    const oldX: number[] = [];
    const oldY: number[] = [];
    sizes = [];
    for (let c = 0; c < k; c++) {
      if (count[c] === 0) continue;
      remap[c] = nx.length;
      nx.push(sumW[c]! > 0 ? sumX[c]! / sumW[c]! : cx[c]!);
      ny.push(sumW[c]! > 0 ? sumY[c]! / sumW[c]! : cy[c]!);
      oldX.push(cx[c]!);
      oldY.push(cy[c]!);
      sizes.push(count[c]!);
    }
    assignment = new Int32Array(n);
    for (let i = 0; i < n; i++) assignment[i] = remap[raw[i]!]!;
    let moved = false;
    for (let c = 0; c < nx.length; c++) if (Math.hypot(nx[c]! - oldX[c]!, ny[c]! - oldY[c]!) >= threshold) moved = true;
    cx = nx;
    cy = ny;
    if (!moved || iterations >= maxIterations) break;
  }
  return { cx, cy, assignment, sizes, iterations };
}

/**
 * Mean silhouette of the points (unweighted): for each point, a = mean distance to the other
 * members of its cluster, b = the smallest mean distance to another cluster's members,
 * s = (b − a) ÷ max(a, b); a point alone in its cluster scores 0.
 */
export function silhouette(points: Points, assignment: ArrayLike<number>, k: number): number {
  const n = points.x.length;
  if (n === 0 || k < 2) return 0;
  let total = 0;
  const sums = new Float64Array(k);
  const counts = new Int32Array(k);
  for (let i = 0; i < n; i++) counts[assignment[i]!]!++;
  for (let i = 0; i < n; i++) {
    sums.fill(0);
    for (let j = 0; j < n; j++) {
      if (j === i) continue;
      sums[assignment[j]!]! += Math.hypot(points.x[i]! - points.x[j]!, points.y[i]! - points.y[j]!);
    }
    const own = assignment[i]!;
    if (counts[own]! <= 1) continue;
    const a = sums[own]! / (counts[own]! - 1);
    let b = Infinity;
    for (let c = 0; c < k; c++) if (c !== own && counts[c]! > 0) b = Math.min(b, sums[c]! / counts[c]!);
    if (!Number.isFinite(b)) continue;
    const d = Math.max(a, b);
    total += d > 0 ? (b - a) / d : 0;
  }
  return total / n;
}

/**
 * An exact SVD for tests, independent of the module: one-sided Jacobi (Hestenes) on a dense
 * matrix, rotating column pairs until all are orthogonal; returns the right singular vectors
 * by descending singular value.
 */
export function rightSingularVectors(rows: number[][], cols: number): { values: number[]; vectors: Float64Array[] } {
  const n = rows.length;
  const a = rows.map((r) => Float64Array.from(r));
  const v = Array.from({ length: cols }, (_, i) => {
    const row = new Float64Array(cols);
    row[i] = 1;
    return row;
  });
  for (let sweep = 0; sweep < 60; sweep++) {
    let rotated = false;
    for (let p = 0; p < cols - 1; p++)
      for (let q = p + 1; q < cols; q++) {
        let alpha = 0;
        let beta = 0;
        let gamma = 0;
        for (let i = 0; i < n; i++) {
          const x = a[i]![p]!;
          const y = a[i]![q]!;
          alpha += x * x;
          beta += y * y;
          gamma += x * y;
        }
        if (gamma === 0 || Math.abs(gamma) <= 1e-15 * Math.sqrt(alpha * beta)) continue;
        rotated = true;
        const zeta = (beta - alpha) / (2 * gamma);
        const t = Math.sign(zeta || 1) / (Math.abs(zeta) + Math.sqrt(1 + zeta * zeta));
        const c = 1 / Math.sqrt(1 + t * t);
        const s = c * t;
        for (let i = 0; i < n; i++) {
          const x = a[i]![p]!;
          const y = a[i]![q]!;
          a[i]![p] = c * x - s * y;
          a[i]![q] = s * x + c * y;
        }
        for (let i = 0; i < cols; i++) {
          const x = v[i]![p]!;
          const y = v[i]![q]!;
          v[i]![p] = c * x - s * y;
          v[i]![q] = s * x + c * y;
        }
      }
    if (!rotated) break;
  }
  const sigma = Array.from({ length: cols }, (_, j) => Math.sqrt(a.reduce((t, r) => t + r[j]! * r[j]!, 0)));
  const order = sigma.map((_, j) => j).sort((x, y) => sigma[y]! - sigma[x]!);
  return { values: order.map((j) => sigma[j]!), vectors: order.map((j) => Float64Array.from(v, (row) => row[j]!)) };
}

/** The dense matrix of the method written out plainly: empty cells take the column mean, then every column is centred. */
export function denseCentred(votes: (number | null)[][], moderatedOut: ArrayLike<number> = []): number[][] {
  const cols = votes[0]?.length ?? 0;
  const means = Array.from({ length: cols }, (_, j) => {
    if (moderatedOut[j]) return 0;
    const present = votes.map((r) => r[j]).filter((x): x is number => x !== null);
    return present.length ? present.reduce((t, x) => t + x, 0) / present.length : 0;
  });
  return votes.map((r) => r.map((x, j) => (moderatedOut[j] || x === null ? 0 : x - means[j]!)));
}

export const cosine = (a: ArrayLike<number>, b: ArrayLike<number>) => {
  let d = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < a.length; i++) {
    d += a[i]! * b[i]!;
    na += a[i]! * a[i]!;
    nb += b[i]! * b[i]!;
  }
  return d / Math.sqrt(na * nb);
};

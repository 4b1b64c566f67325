/** TF-IDF vectors and cosine similarity over token lists, for duplicate hints and clustering. */

export type Vector = Map<string, number>;

/** Inverse document frequencies (smoothed) of a corpus of token lists. */
export function idfOf(docs: string[][]): Map<string, number> {
  const df = new Map<string, number>();
  for (const d of docs) for (const t of new Set(d)) df.set(t, (df.get(t) ?? 0) + 1);
  const n = docs.length;
  return new Map([...df].map(([t, f]) => [t, Math.log((n + 1) / (f + 1)) + 1]));
}

/** A length-normalised TF-IDF vector (tokens unseen in the corpus weigh as the rarest). */
export function vectorOf(tokens: string[], idf: Map<string, number>, unseen = 1 + Math.log(2)): Vector {
  const tf = new Map<string, number>();
  for (const t of tokens) tf.set(t, (tf.get(t) ?? 0) + 1);
  const v: Vector = new Map();
  let norm = 0;
  for (const [t, f] of tf) {
    const w = (1 + Math.log(f)) * (idf.get(t) ?? unseen);
    v.set(t, w);
    norm += w * w;
  }
  norm = Math.sqrt(norm) || 1;
  for (const [t, w] of v) v.set(t, w / norm);
  return v;
}

export function cosine(a: Vector, b: Vector): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let dot = 0;
  for (const [t, w] of small) {
    const x = large.get(t);
    if (x) dot += w * x;
  }
  return dot;
}

/** The corpus-independent part of a TF-IDF vector: 1 + log(tf) per distinct token. */
export function logTf(tokens: string[]): Map<string, number> {
  const tf = new Map<string, number>();
  for (const t of tokens) tf.set(t, (tf.get(t) ?? 0) + 1);
  for (const [t, f] of tf) tf.set(t, 1 + Math.log(f));
  return tf;
}

/**
 * Cosine of the query to each document by TF-IDF over the documents and the query: the same
 * figures as idfOf + vectorOf + cosine, without building a vector per document, so documents'
 * logTf maps can be computed once and kept.
 */
export function cosineScores(query: Map<string, number>, docs: Map<string, number>[]): number[] {
  const df = new Map<string, number>();
  for (const d of docs) for (const t of d.keys()) df.set(t, (df.get(t) ?? 0) + 1);
  for (const t of query.keys()) df.set(t, (df.get(t) ?? 0) + 1);
  const n = docs.length + 1;
  const idf = new Map<string, number>();
  for (const [t, f] of df) idf.set(t, Math.log((n + 1) / (f + 1)) + 1);
  let qNorm = 0;
  const qw = new Map<string, number>();
  for (const [t, l] of query) {
    const w = l * (idf.get(t) as number);
    qw.set(t, w);
    qNorm += w * w;
  }
  qNorm = Math.sqrt(qNorm) || 1;
  return docs.map((d) => {
    let norm = 0;
    let dot = 0;
    for (const [t, l] of d) {
      const w = l * (idf.get(t) as number);
      norm += w * w;
      const x = qw.get(t);
      if (x) dot += w * x;
    }
    return dot / (qNorm * (Math.sqrt(norm) || 1));
  });
}

/** Squared distances are enough to compare; silhouettes need the distances themselves. */
const distance = (a: readonly number[], b: readonly number[]): number => {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += (a[i] - b[i]) ** 2;
  return Math.sqrt(s);
};

/**
 * Mean silhouette (Rousseeuw, 1987) of a clustering: for each point, how much nearer it is to its own
 * cluster than to the next nearest, in [-1, 1]. A point alone in its cluster counts 0.
 */
export function silhouette(points: readonly (readonly number[])[], labels: readonly number[]): number {
  const k = Math.max(...labels) + 1;
  if (points.length < 2 || k < 2) return 0;
  let total = 0;
  for (let i = 0; i < points.length; i++) {
    const sums = new Array<number>(k).fill(0);
    const counts = new Array<number>(k).fill(0);
    for (let j = 0; j < points.length; j++) {
      if (j === i) continue;
      sums[labels[j]] += distance(points[i], points[j]);
      counts[labels[j]]++;
    }
    const own = labels[i];
    if (counts[own] === 0) continue;
    const a = sums[own] / counts[own];
    let b = Infinity;
    for (let c = 0; c < k; c++) if (c !== own && counts[c] > 0) b = Math.min(b, sums[c] / counts[c]);
    if (!Number.isFinite(b)) continue;
    const spread = Math.max(a, b);
    total += spread === 0 ? 0 : (b - a) / spread;
  }
  return total / points.length;
}

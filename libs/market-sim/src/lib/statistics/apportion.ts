/**
 * Splits `total` in proportion to `weights` by the largest remainder (ties to the earlier entry):
 * the counts add up to `total`, each within one of its exact share.
 */
export function apportion(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((all, weight) => all + weight, 0);
  const exact = weights.map((weight) => (weight * total) / sum);
  const counts = exact.map(Math.floor);
  let missing = total - counts.reduce((all, count) => all + count, 0);
  const order = exact
    .map((value, index) => ({ index, fraction: value - Math.floor(value) }))
    .sort((a, b) => b.fraction - a.fraction || a.index - b.index);
  for (const { index } of order) {
    if (missing-- <= 0) break;
    counts[index] += 1;
  }
  return counts;
}

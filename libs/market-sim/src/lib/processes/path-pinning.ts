/**
 * Bends a positive path so that it ends exactly `endToStartRatio` times its value at `fromIndex`,
 * spreading the correction evenly (in log terms) over the steps after `fromIndex`. The wiggles stay,
 * only the overall move is set: how a scenario forces a material FX move or a price shock to happen
 * whatever the seed.
 */
export function pinPathEnd(
  path: readonly number[],
  endToStartRatio: number,
  fromIndex = 0,
): number[] {
  const last = path.length - 1;
  if (!(endToStartRatio > 0) || fromIndex < 0 || fromIndex >= last) {
    throw new RangeError(
      `cannot pin a path of ${path.length} points from ${fromIndex} to ratio ${endToStartRatio}`,
    );
  }
  const correction = Math.log(endToStartRatio / (path[last] / path[fromIndex]));
  return path.map((value, i) =>
    i <= fromIndex ? value : value * Math.exp((correction * (i - fromIndex)) / (last - fromIndex)),
  );
}

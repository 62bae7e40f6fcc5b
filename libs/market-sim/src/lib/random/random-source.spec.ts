import { createRandomSource, streamSeed } from './random-source';

function draws(seed: number, stream: string, count = 5): number[] {
  const random = createRandomSource(seed, stream);
  return Array.from({ length: count }, () => random.nextFloat());
}

function moments(values: number[]) {
  const mean = values.reduce((sum, v) => sum + v, 0) / values.length;
  const variance = values.reduce((sum, v) => sum + (v - mean) ** 2, 0) / values.length;
  const kurtosis =
    values.reduce((sum, v) => sum + (v - mean) ** 4, 0) / values.length / variance ** 2;
  return { mean, variance, kurtosis };
}

describe('createRandomSource', () => {
  it('gives the same numbers for the same seed and stream', () => {
    expect(draws(42, 'prices')).toEqual(draws(42, 'prices'));
  });

  it('gives other numbers for another seed or another stream', () => {
    expect(draws(43, 'prices')).not.toEqual(draws(42, 'prices'));
    expect(draws(42, 'names')).not.toEqual(draws(42, 'prices'));
  });

  it('derives stream seeds as 32-bit integers, stable across runs', () => {
    expect(streamSeed(42, 'prices')).toBe(streamSeed(42, 'prices'));
    expect(Number.isInteger(streamSeed(7, 'x'))).toBe(true);
    expect(Math.abs(streamSeed(7, 'x'))).toBeLessThan(2 ** 31 + 1);
  });

  it('rejects a seed that is not a safe integer', () => {
    expect(() => createRandomSource(1.5, 's')).toThrow('a seed must be a safe integer, got 1.5');
  });

  it('draws floats in [0, 1) and integers in [min, max] with both ends reached', () => {
    const random = createRandomSource(1, 'ranges');
    const floats = Array.from({ length: 10_000 }, () => random.nextFloat());
    expect(Math.min(...floats)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...floats)).toBeLessThan(1);
    const ints = new Set(Array.from({ length: 1_000 }, () => random.nextInt(-2, 2)));
    expect([...ints].sort()).toEqual([-1, -2, 0, 1, 2]);
    expect(() => random.nextInt(3, 2)).toThrow('nextInt needs integers min <= max, got 3 and 2');
  });

  it('draws standard normals (mean 0, variance 1, kurtosis 3)', () => {
    const random = createRandomSource(2, 'normal');
    const { mean, variance, kurtosis } = moments(
      Array.from({ length: 40_000 }, () => random.nextNormal()),
    );
    expect(Math.abs(mean)).toBeLessThan(0.02);
    expect(variance).toBeCloseTo(1, 1);
    expect(kurtosis).toBeGreaterThan(2.8);
    expect(kurtosis).toBeLessThan(3.2);
  });

  it('draws Student-t shocks with unit variance and fatter tails than a normal', () => {
    const random = createRandomSource(3, 'student');
    const { variance, kurtosis } = moments(
      Array.from({ length: 40_000 }, () => random.nextStudentT(5)),
    );
    expect(variance).toBeGreaterThan(0.9);
    expect(variance).toBeLessThan(1.1);
    expect(kurtosis).toBeGreaterThan(4);
    expect(() => random.nextStudentT(2)).toThrow('integer degrees of freedom > 2');
  });

  it('shuffles into a permutation without touching the input', () => {
    const random = createRandomSource(4, 'shuffle');
    const items = [1, 2, 3, 4, 5, 6, 7, 8];
    const shuffled = random.shuffle(items);
    expect(items).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect([...shuffled].sort()).toEqual(items);
    expect(shuffled).not.toEqual(items);
  });

  it('picks from a list and refuses an empty one', () => {
    const random = createRandomSource(5, 'pick');
    expect(['a', 'b']).toContain(random.pick(['a', 'b']));
    expect(() => random.pick([])).toThrow('cannot pick from an empty list');
  });
});

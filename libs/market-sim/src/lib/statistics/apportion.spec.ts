import { apportion } from './apportion';

describe('apportion', () => {
  it('splits by the largest remainder, ties to the earlier entry', () => {
    // 130 x (550, 290, 90, 45, 25) / 1000 = 71.5, 37.7, 11.7, 5.85, 3.25: floors make 127, and
    // the three largest fractions (.85, then .7 and .7 in order) take the 3 left.
    expect(apportion(130, [550, 290, 90, 45, 25])).toEqual([71, 38, 12, 6, 3]);
    expect(apportion(1, [6, 5])).toEqual([1, 0]);
    expect(apportion(2, [1, 1, 1])).toEqual([1, 1, 0]);
    expect(apportion(0, [3, 4])).toEqual([0, 0]);
  });
});

import { writeNumeric4 } from '../src';

function numericBytes(units: number): number[] {
  const buffer = Buffer.alloc(32);
  const end = writeNumeric4(buffer, 0, units);
  return [...buffer.subarray(0, end)];
}

const int16 = (value: number) => [(value >> 8) & 0xff, value & 0xff];
const int32 = (value: number) => [0, 0, (value >> 8) & 0xff, value & 0xff];

describe('binary numeric encoding of a price in 1e-4 units', () => {
  it.each([
    ['30.5700', 305_700, 0, [30, 5700]],
    ['0.0001', 1, -1, [1]],
    ['1.0000', 10_000, 0, [1]],
    ['10000.0000', 100_000_000, 1, [1]],
    ['12345.6789', 123_456_789, 1, [1, 2345, 6789]],
    ['20000.0500', 200_000_500, 1, [2, 0, 500]],
  ])('%s', (_text, units, weight, digits) => {
    expect(numericBytes(units)).toEqual([
      ...int32(8 + 2 * digits.length),
      ...int16(digits.length),
      ...int16(weight),
      ...int16(0),
      ...int16(4),
      ...digits.flatMap(int16),
    ]);
  });
});

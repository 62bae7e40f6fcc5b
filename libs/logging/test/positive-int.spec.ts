import { InvalidArgumentError } from 'commander';
import { positiveInt, seedInt } from '../src';

describe('positiveInt', () => {
  it.each([
    ['1', 1],
    ['10', 10],
    ['0150', 150],
    ['9007199254740991', 9007199254740991],
  ])('reads %s as %d', (text, value) => {
    expect(positiveInt(text)).toBe(value);
  });

  it.each(['0', '-3', '1.5', '10.0', '1e3', '+5', ' 7', '', 'ten', '9007199254740993'])(
    'refuses "%s" with a message saying what is allowed',
    (text) => {
      expect(() => positiveInt(text)).toThrow(InvalidArgumentError);
      expect(() => positiveInt(text)).toThrow('must be a positive integer, e.g. 10');
    },
  );
});

describe('seedInt', () => {
  it.each([
    ['42', 42],
    ['-7', -7],
    ['0', 0],
  ])('reads %s as %d', (text, value) => {
    expect(seedInt(text)).toBe(value);
  });

  it.each(['4.2', 'abc', '', '1e3'])('refuses "%s"', (text) => {
    expect(() => seedInt(text)).toThrow('the seed must be an integer, e.g. --seed 42');
  });
});

import { blackScholes } from './option-pricing';

const atTheMoney = { spot: 100, strike: 100, years: 1, rate: 0.05, volatility: 0.2 };

describe('Black-Scholes', () => {
  it('has the textbook values (call 10.4506, put 5.5735)', () => {
    expect(blackScholes({ kind: 'call', ...atTheMoney }).price).toBeCloseTo(10.4506, 3);
    expect(blackScholes({ kind: 'put', ...atTheMoney }).price).toBeCloseTo(5.5735, 3);
    expect(blackScholes({ kind: 'call', ...atTheMoney }).delta).toBeCloseTo(0.6368, 3);
  });

  it('satisfies put-call parity', () => {
    const input = { ...atTheMoney, spot: 112, strike: 95, years: 0.4 };
    const call = blackScholes({ kind: 'call', ...input }).price;
    const put = blackScholes({ kind: 'put', ...input }).price;
    expect(call - put).toBeCloseTo(112 - 95 * Math.exp(-0.05 * 0.4), 6);
  });

  it('refuses a non-positive time to expiry', () => {
    expect(() => blackScholes({ kind: 'call', ...atTheMoney, years: 0 })).toThrow('positive');
  });
});

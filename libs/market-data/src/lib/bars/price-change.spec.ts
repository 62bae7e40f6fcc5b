import { priceChange } from './price-change';

const shown = (change: ReturnType<typeof priceChange>) =>
  [change.adjustedPreviousClose, change.change, change.changePercent].map(String);

describe('a price against the previous close', () => {
  it('is the plain difference on an ordinary day', () => {
    // 101.5 after 100: +1.5, +1.5 %.
    expect(shown(priceChange('101.5', '100.000000'))).toEqual(['100', '1.5', '1.5']);
  });

  it('is no -75 % on the day of a 4-for-1 split', () => {
    // 412.52 before, 104.2 after: against 103.13 that is +1.07, +1.0375 % (4 decimals, half up).
    expect(shown(priceChange('104.2', '412.52', '0.25'))).toEqual(['103.13', '1.07', '1.0375']);
  });

  it('is measured from the close less the dividend on the ex-date', () => {
    // A 1.15 dividend on 115.00: factor 0.99, reference 113.85; 113.5 is -0.35, -0.3074 %.
    expect(shown(priceChange('113.5', '115', '0.99'))).toEqual(['113.85', '-0.35', '-0.3074']);
  });
});

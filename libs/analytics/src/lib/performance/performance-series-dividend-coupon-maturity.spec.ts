import { performanceSeries } from '../../index';
import { pointsAsText } from '../../testing/points-as-text';

describe('performanceSeries: cash paid out of the holdings', () => {
  it('counts coupons, redemptions and dividends as income, so a maturing bond is not a loss', () => {
    // Base 2025-01-16: a 1,000,000 nominal USD bond and 10,000 shares of a EUR stock, 2,000,000.00 in all.
    // 2025-01-17, coupon 1.3125 per 100 on the bond: income = 1,000,000 * 1.3125 * 0.01 * 1 = 13,125.00
    //   value 1,990,000.00: pnl = 1,990,000 - 2,000,000 + 13,125 = 3,125.00, r = 3,125 / 2,000,000 = 0.0015625
    // 2025-01-20, the bond is redeemed at 100: 1,000,000 * 100 * 0.01 = 1,000,000.00, and the stock goes
    //   ex a 1.15 EUR dividend at EUR/USD 1.04: 10,000 * 1.15 * 1.04 = 11,960.00; income 1,011,960.00
    //   value 995,000.00 (the stock alone): pnl = 995,000 - 1,990,000 + 1,011,960 = 16,960.00
    //   r = 16,960 / 1,990,000 = 0.00852261306... -> 0.0085226131
    //   cumulative = 1.0015625 * 1.00852261306... - 1 = 0.01009842964... -> 0.0100984296
    const points = performanceSeries(
      {
        days: [
          { date: '2025-01-16', marketValue: '2000000.00' },
          { date: '2025-01-17', marketValue: '1990000.00' },
          { date: '2025-01-20', marketValue: '995000.00' },
        ],
        trades: [],
        distributions: [
          {
            date: '2025-01-17',
            quantity: '1000000',
            amountPerUnit: '1.3125',
            priceFactor: '0.01',
            fxRate: '1',
          },
          {
            date: '2025-01-20',
            quantity: '1000000',
            amountPerUnit: '100',
            priceFactor: '0.01',
            fxRate: '1',
          },
          {
            date: '2025-01-20',
            quantity: '10000',
            amountPerUnit: '1.15',
            priceFactor: '1',
            fxRate: '1.04',
          },
        ],
      },
      '1d',
    );

    expect(pointsAsText(points).slice(1)).toEqual([
      {
        date: '2025-01-17',
        marketValue: '1990000.00',
        netFlows: '0.00',
        income: '13125.00',
        pnl: '3125.00',
        periodReturn: '0.0015625',
        cumulativeReturn: '0.0015625',
      },
      {
        date: '2025-01-20',
        marketValue: '995000.00',
        netFlows: '0.00',
        income: '1011960.00',
        pnl: '16960.00',
        periodReturn: '0.0085226131',
        cumulativeReturn: '0.0100984296',
      },
    ]);
  });
});

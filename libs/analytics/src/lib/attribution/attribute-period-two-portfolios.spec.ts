import { toCents } from '@securities/variance';
import { attributePeriod, PeriodInputs } from '../../index';

const inputs: PeriodInputs = {
  positions: [
    {
      portfolioId: 'PORT-001',
      securityId: 'SEC-0001',
      securityType: 'EQUITY',
      start: { quantity: '100', price: '400', fxRate: '1' },
      end: { quantity: '400', price: '101', fxRate: '1' },
    },
    {
      portfolioId: 'PORT-002',
      securityId: 'SEC-0001',
      securityType: 'EQUITY',
      start: { quantity: '0', price: '400', fxRate: '1' },
      end: { quantity: '100', price: '101', fxRate: '1' },
    },
    {
      portfolioId: 'PORT-002',
      securityId: 'SEC-0070',
      securityType: 'BOND',
      start: { quantity: '1000000', price: '99.50', fxRate: '1.10' },
      end: { quantity: '1000000', price: '100.25', fxRate: '1.12' },
    },
  ],
  actions: [
    { securityId: 'SEC-0001', type: 'STOCK_SPLIT', ratio: '4', amount: null },
    { securityId: 'SEC-0070', type: 'COUPON', ratio: null, amount: '2.00' },
  ],
};

const inCents = (rows: ReturnType<typeof attributePeriod>) =>
  rows.map(({ position, attribution }) => [
    position.portfolioId,
    position.securityId,
    ...[
      attribution.mvStart,
      attribution.mvEnd,
      attribution.priceEffect,
      attribution.qtyEffect,
      attribution.fxEffect,
      attribution.corpActionEffect,
      attribution.totalPnl,
    ].map(toCents),
  ]);

describe('attributePeriod: two portfolios, a split and a bond coupon', () => {
  it("gives each position its own security's actions and its type's price factor", () => {
    // PORT-001 SEC-0001: 100 @ 400 -> 4-for-1 -> 400 @ 101. mv 40,000.00 -> 40,400.00;
    //   qty (400 - 400) * 100 = 0; price 400 * (101 - 100) = 400.00; total 400.00
    // PORT-002 SEC-0001, new: 0 -> 100 @ 101. qty (100 - 0) * 400 / 4 = 10,000.00;
    //   price 100 * (101 - 100) = 100.00; total 10,100.00
    // PORT-002 SEC-0070, a bond (price factor 0.01) paying a 2.00 coupon:
    //   mv_start 1,000,000 * 99.50 * 0.01 * 1.10 = 1,094,500.00; mv_end 1,000,000 * 100.25 * 0.01 * 1.12 = 1,122,800.00
    //   corp  -1,000,000 * 2.00 * 0.01 * 1.10 = -22,000.00
    //   price 1,000,000 * (100.25 - 99.50 + 2.00) * 0.01 * 1.10 = 30,250.00
    //   fx    1,000,000 * 100.25 * 0.01 * (1.12 - 1.10) = 20,050.00; total 28,300.00
    expect(inCents(attributePeriod(inputs))).toEqual([
      ['PORT-001', 'SEC-0001', '40000.00', '40400.00', '400.00', '0.00', '0.00', '0.00', '400.00'],
      [
        'PORT-002',
        'SEC-0001',
        '0.00',
        '10100.00',
        '100.00',
        '10000.00',
        '0.00',
        '0.00',
        '10100.00',
      ],
      [
        'PORT-002',
        'SEC-0070',
        '1094500.00',
        '1122800.00',
        '30250.00',
        '0.00',
        '20050.00',
        '-22000.00',
        '28300.00',
      ],
    ]);
  });

  it('hands back the very position objects it was given, with whatever else they carry', () => {
    const named = inputs.positions.map((p) => ({ ...p, ticker: `T-${p.securityId}` }));
    const rows = attributePeriod({ positions: named, actions: [] });
    expect(rows.map((row) => row.position)).toEqual(named);
    expect(rows[0].position).toBe(named[0]);
  });
});

import { BASE_PERIOD_POSITIONS } from '@securities/vocabulary';
import { BASE_SET_COUNTS, PERIOD_2 } from '../src/lib/base-set/base-set-counts';
import { CORE_TABLE_NAMES } from '@securities/database';
import { PORTFOLIO_PLANS } from '../src/lib/base-set/portfolios/portfolio-plan';
import { baseSetView, SEEDS } from './support/base-set-view';

describe('base set: exact counts', () => {
  it.each(SEEDS)('has the seed document’s row count in every table for seed %i', (seed) => {
    const { tables } = baseSetView(seed);
    const counts = Object.fromEntries(
      CORE_TABLE_NAMES.map((table) => [table, tables[table].length]),
    );
    expect(counts).toEqual(BASE_SET_COUNTS);
  });

  it('counts the seed’s figures and the plan’s trades', () => {
    expect(BASE_SET_COUNTS).toMatchObject({
      securities_master: 120,
      portfolio: 7,
      holdings_period_1: 156,
      holdings_period_2: 167,
      pricing_period_1: 120,
      pricing_period_2: 120,
      fx_rates: 26,
      credit_ratings: 61,
      corporate_actions: 12,
      risk_metrics: 74,
      variance_summary: 169,
    });
    const plannedTrades = PORTFOLIO_PLANS.flatMap((plan) => plan.slots).reduce(
      (sum, slot) => sum + slot.trades,
      0,
    );
    expect(BASE_SET_COUNTS.transactions).toBe(plannedTrades);
  });

  it.each(SEEDS)(
    'holds at most 30 positions in one portfolio and lets one security mature by period 2 (seed %i)',
    (seed) => {
      const { tables } = baseSetView(seed);
      const held = new Map<string, Set<string>>();
      for (const row of [...tables.holdings_period_1, ...tables.holdings_period_2]) {
        const portfolio = String(row.portfolio_id);
        held.set(portfolio, (held.get(portfolio) ?? new Set()).add(String(row.security_id)));
      }
      expect(Math.max(...[...held.values()].map((securities) => securities.size))).toBe(
        BASE_PERIOD_POSITIONS.mostInOnePortfolio,
      );
      const matured = tables.securities_master.filter(
        (row) => row.maturity_date !== null && String(row.maturity_date) <= PERIOD_2,
      );
      expect(matured).toHaveLength(BASE_PERIOD_POSITIONS.maturedByPeriod2);
    },
  );

  it('mixes the universe like the scale set, scaled down: 66/35/11/5/3', () => {
    const types = baseSetView(7).tables.securities_master.map((row) => row.security_type);
    const count = (...wanted: string[]) =>
      types.filter((type) => wanted.includes(type ?? '')).length;
    expect(count('EQUITY')).toBe(66);
    expect(count('BOND')).toBe(35);
    expect([count('OPTION'), count('FUTURE')]).toEqual([6, 5]);
    expect([count('CLO'), count('ABS')]).toEqual([3, 2]);
    expect([count('ETF'), count('FUND')]).toEqual([2, 1]);
  });

  it('numbers securities SEC-0001.., issuers ISS-001.., and makes SEC-0001 an NYSE share in USD', () => {
    const { tables, security } = baseSetView(7);
    expect(tables.securities_master.map((row) => row.security_id)).toEqual(
      Array.from({ length: 120 }, (_, i) => `SEC-${String(i + 1).padStart(4, '0')}`),
    );
    expect(tables.issuer.map((row) => row.issuer_id)).toEqual(
      Array.from(
        { length: BASE_SET_COUNTS.issuer },
        (_, i) => `ISS-${String(i + 1).padStart(3, '0')}`,
      ),
    );
    expect(security('SEC-0001')).toMatchObject({
      security_type: 'EQUITY',
      exchange: 'NYSE',
      currency: 'USD',
    });
  });

  it('has the seven portfolios: 3 Equity, 2 Fixed Income, 1 Mixed, 1 Hedge', () => {
    const portfolios = baseSetView(7).tables.portfolio.map((row) => [
      row.portfolio_id,
      row.portfolio_type,
    ]);
    expect(portfolios).toEqual([
      ['PORT-001', 'Equity'],
      ['PORT-002', 'Equity'],
      ['PORT-003', 'Equity'],
      ['PORT-004', 'Fixed Income'],
      ['PORT-005', 'Fixed Income'],
      ['PORT-006', 'Mixed'],
      ['PORT-007', 'Hedge'],
    ]);
  });

  it('has issuers in the 15 countries, and 13 currencies against USD on both dates', () => {
    const { tables } = baseSetView(7);
    expect(new Set(tables.issuer.map((row) => row.country)).size).toBe(15);
    const currencies = new Set(tables.fx_rates.map((row) => row.from_currency));
    expect(currencies.size).toBe(13);
    expect(currencies.has('USD')).toBe(false);
    expect(new Set(tables.fx_rates.map((row) => row.rate_date))).toEqual(
      new Set(['2024-12-31', '2025-03-31']),
    );
  });
});

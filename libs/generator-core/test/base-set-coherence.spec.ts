import {
  addBusinessDays,
  cleanPrice,
  creditSpread,
  days30360,
  FixedRateBond,
  isBusinessDay,
  isValidCusip,
  isValidIsin,
  isValidLei,
  isValidSedol,
  previousCouponDate,
  ratingNotch,
  riskFreeYield,
  yearsBetween,
} from '@securities/market-sim';
import { attributePosition, CorporateAction } from '@securities/variance';
import { CsvRow } from '../src/lib/base-set/base-set-tables';
import { baseSetView, D, dec, positionKey, priceFactor, SEEDS } from './support/base-set-view';

const PERIOD_1 = '2024-12-31';
const PERIOD_2 = '2025-03-31';
const CREDIT_TYPES = ['BOND', 'CLO', 'ABS'];
/**
 * How far a trade's price may stray from the period's prices. An option is a leveraged bet: its
 * premium can double or halve within the quarter (and all but vanish, so its book cost is only
 * checked for its sign).
 */
type Band = readonly [number, number];
const PRICE_BAND: Readonly<Record<'ordinary' | 'leveraged', Band>> = {
  ordinary: [0.5, 1.5],
  leveraged: [0.2, 4],
};
const COST_TO_VALUE: Band = [0.2, 5];
/**
 * How far a bond's spread over the risk-free curve may sit from its rating's: the curve itself
 * moves (the test only knows where it started), each bond has its own spread, notes carry a
 * structure premium and a downgrade comes with extra widening.
 */
const SPREAD_TOLERANCE = { below: 0.015, above: 0.035 };

function libraryAction(row: CsvRow): CorporateAction {
  switch (row.action_type) {
    case 'STOCK_SPLIT':
      return { type: 'STOCK_SPLIT', ratio: row.ratio ?? '' };
    case 'MATURITY':
      return { type: 'MATURITY' };
    default:
      return { type: row.action_type as 'DIVIDEND' | 'COUPON', amount: row.amount ?? '' };
  }
}

/** Yield (semi-annual) at which the bond's clean price is the given one, by bisection. */
function impliedYield(bond: FixedRateBond, date: string, price: number): number {
  let [low, high] = [-0.05, 0.5];
  for (let i = 0; i < 100; i++) {
    const mid = (low + high) / 2;
    if (cleanPrice(bond, date, mid) > price) low = mid;
    else high = mid;
  }
  return (low + high) / 2;
}

describe.each(SEEDS)('base set coherence, seed %i', (seed) => {
  const view = baseSetView(seed);
  const { tables } = view;
  const holdings = [
    { date: PERIOD_1, rows: tables.holdings_period_1, close: view.close1 },
    { date: PERIOD_2, rows: tables.holdings_period_2, close: view.close2 },
  ];

  it('values every holding at round(quantity x close x price factor x FX, 2)', () => {
    for (const { date, rows, close } of holdings) {
      for (const row of rows) {
        const security = view.security(row.security_id ?? '');
        const expected = dec(row.quantity)
          .times(close(security.security_id ?? ''))
          .times(priceFactor(security.security_type))
          .times(view.fx(security.currency ?? '', date))
          .toDecimalPlaces(2);
        expect(`${row.portfolio_id} ${row.security_id} ${row.market_value}`).toBe(
          `${row.portfolio_id} ${row.security_id} ${expected.toFixed(2)}`,
        );
        expect(row.as_of_date).toBe(date);
      }
    }
  });

  it('weights each portfolio’s holdings to exactly 1 on each date, each weight its share of value', () => {
    for (const { rows } of holdings) {
      for (const portfolioId of new Set(rows.map((row) => row.portfolio_id))) {
        const own = rows.filter((row) => row.portfolio_id === portfolioId);
        const total = own.reduce((sum, row) => sum.plus(dec(row.market_value)), new D(0));
        expect(own.reduce((sum, row) => sum.plus(dec(row.weight)), new D(0)).toFixed(10)).toBe(
          '1.0000000000',
        );
        for (const row of own) {
          expect(
            dec(row.weight).minus(dec(row.market_value).dividedBy(total)).abs().toNumber(),
          ).toBeLessThan(1e-8);
        }
      }
    }
  });

  it('reconciles every position: quantity_2 = quantity_1 x split ratio + buys - sells', () => {
    for (const key of view.positionKeys()) {
      const [, securityId] = key.split('|');
      const q1 = dec(view.holding1(key)?.quantity);
      const q2 = dec(view.holding2(key)?.quantity);
      const trades = view.tradesOf(key);
      const net = trades.reduce(
        (sum, row) =>
          row.txn_type === 'BUY' ? sum.plus(dec(row.quantity)) : sum.minus(dec(row.quantity)),
        new D(0),
      );
      const matured = view.actionsOf(securityId).some((row) => row.action_type === 'MATURITY');
      if (matured) {
        // Redemption is not a trade: the position goes to zero on its own.
        expect({ key, q2: q2.toString(), trades: trades.length }).toEqual({
          key,
          q2: '0',
          trades: 0,
        });
      } else {
        expect(`${key} ${q1.times(view.splitRatio(securityId)).plus(net)}`).toBe(`${key} ${q2}`);
      }
    }
  });

  it('dates trades inside the period, settles them on later business days, near that period’s prices', () => {
    for (const row of tables.transactions) {
      const securityId = row.security_id ?? '';
      const security = view.security(securityId);
      expect(row.txn_date && row.txn_date > PERIOD_1 && row.txn_date <= PERIOD_2).toBe(true);
      expect(isBusinessDay(row.txn_date ?? '')).toBe(true);
      expect([
        addBusinessDays(row.txn_date ?? '', 1),
        addBusinessDays(row.txn_date ?? '', 2),
      ]).toContain(row.settlement_date);
      expect(row.currency).toBe(security.currency);
      expect(dec(row.fees).gte(0)).toBe(true);
      const ratio = view.splitRatio(securityId);
      const afterSplit = view
        .actionsOf(securityId)
        .some(
          (action) =>
            action.action_type === 'STOCK_SPLIT' && (action.ex_date ?? '') <= (row.txn_date ?? ''),
        );
      const closes = [
        view.close1(securityId).dividedBy(afterSplit ? ratio : 1),
        view.close2(securityId),
      ];
      const [below, above] =
        PRICE_BAND[security.security_type === 'OPTION' ? 'leveraged' : 'ordinary'];
      const [low, high] = [D.min(...closes).times(below), D.max(...closes).times(above)];
      expect(`${row.txn_id} ${dec(row.price).gte(low) && dec(row.price).lte(high)}`).toBe(
        `${row.txn_id} true`,
      );
    }
  });

  it('keeps every daily bar consistent: low <= open, close <= high; VWAP within; volume >= 0', () => {
    for (const row of [...tables.pricing_period_1, ...tables.pricing_period_2]) {
      const [open, high, low, close, vwap] = [
        row.open_price,
        row.high_price,
        row.low_price,
        row.close_price,
        row.vwap,
      ].map(dec);
      expect(low.gt(0)).toBe(true);
      expect(low.lte(D.min(open, close)) && high.gte(D.max(open, close))).toBe(true);
      expect(vwap.gte(low) && vwap.lte(high)).toBe(true);
      expect(Number(row.volume)).toBeGreaterThanOrEqual(0);
    }
  });

  it('gives identifiers valid check digits, and never the same one twice', () => {
    const isins = tables.securities_master.map((row) => row.isin ?? '');
    const cusips = tables.securities_master.flatMap((row) => (row.cusip ? [row.cusip] : []));
    const sedols = tables.securities_master.flatMap((row) => (row.sedol ? [row.sedol] : []));
    const leis = tables.issuer.map((row) => row.lei ?? '');
    expect(isins.filter((isin) => !isValidIsin(isin))).toEqual([]);
    expect(cusips.filter((cusip) => !isValidCusip(cusip))).toEqual([]);
    expect(sedols.filter((sedol) => !isValidSedol(sedol))).toEqual([]);
    expect(leis.filter((lei) => !isValidLei(lei))).toEqual([]);
    for (const list of [isins, cusips, sedols, leis]) expect(new Set(list).size).toBe(list.length);
    expect(cusips.length).toBeGreaterThan(30);
    expect(sedols.length).toBeGreaterThan(30);
    // A US or Canadian ISIN carries the CUSIP; a British one, GB00 + the SEDOL.
    for (const row of tables.securities_master) {
      if (row.cusip) expect(row.isin?.slice(2, 11)).toBe(row.cusip);
      if (row.isin?.startsWith('GB')) expect(row.isin.slice(4, 11)).toBe(row.sedol);
    }
  });

  it('gives every issuer and security a name and ticker of its own', () => {
    for (const values of [
      tables.issuer.map((row) => row.issuer_name),
      tables.securities_master.map((row) => row.security_name),
      tables.securities_master.map((row) => row.ticker),
    ]) {
      expect(new Set(values).size).toBe(values.length);
    }
  });

  it('prices bonds from a yield that fits their coupon, maturity and rating, pulling to par', () => {
    const ratingOn = (issuerId: string, date: string) =>
      tables.credit_ratings
        .filter((row) => row.issuer_id === issuerId && (row.rating_date ?? '') <= date)
        .pop()?.rating ?? '';
    const spreads: { investmentGrade: boolean; spread: number }[] = [];
    for (const security of tables.securities_master) {
      if (!CREDIT_TYPES.includes(security.security_type ?? '') || security.status !== 'ACTIVE')
        continue;
      const bond: FixedRateBond = {
        couponRate: Number(security.coupon_rate) / 100,
        couponsPerYear: 2,
        issueDate: security.issue_date ?? '',
        maturityDate: security.maturity_date ?? '',
      };
      const price = view.close2(security.security_id ?? '').toNumber();
      const years = yearsBetween(PERIOD_2, bond.maturityDate);
      const notch = ratingNotch(ratingOn(security.issuer_id ?? '', PERIOD_2));
      const spread =
        impliedYield(bond, PERIOD_2, price) - riskFreeYield(security.currency as 'USD', years);
      expect(spread).toBeGreaterThan(creditSpread(notch) - SPREAD_TOLERANCE.below);
      expect(spread).toBeLessThan(creditSpread(notch) + SPREAD_TOLERANCE.above);
      spreads.push({ investmentGrade: notch <= 9, spread });
      if (years < 1.5) expect(Math.abs(price - 100)).toBeLessThan(5);
    }
    const mean = (grade: boolean) => {
      const chosen = spreads.filter((entry) => entry.investmentGrade === grade);
      return chosen.reduce((sum, entry) => sum + entry.spread, 0) / chosen.length;
    };
    expect(mean(false)).toBeGreaterThan(mean(true) + 0.01);
  });

  it('accrues bond interest from the coupon schedule, and none on anything else', () => {
    for (const { date, rows } of holdings) {
      for (const row of rows) {
        const security = view.security(row.security_id ?? '');
        if (!CREDIT_TYPES.includes(security.security_type ?? '')) {
          expect(row.accrued_interest).toBe('0.00');
          continue;
        }
        // The CSVs do not say how often a bond pays, so either schedule may be the one.
        const accrued = ([1, 2] as const).map((couponsPerYear) => {
          const bond = {
            couponRate: 0,
            couponsPerYear,
            issueDate: security.issue_date ?? '',
            maturityDate: security.maturity_date ?? '',
          };
          return dec(row.quantity)
            .times(dec(security.coupon_rate))
            .times(days30360(previousCouponDate(bond, date), date))
            .dividedBy(360)
            .times('0.01')
            .times(view.fx(security.currency ?? '', date))
            .toDecimalPlaces(2)
            .toFixed(2);
        });
        expect(accrued).toContain(row.accrued_interest);
      }
    }
  });

  it('keeps book cost on the side of the position and within a plausible range of its value', () => {
    for (const { rows } of holdings) {
      for (const row of rows) {
        const [cost, value] = [dec(row.cost_basis), dec(row.market_value)];
        expect(cost.isNegative()).toBe(dec(row.quantity).isNegative());
        if (view.security(row.security_id ?? '').security_type === 'OPTION') continue;
        const ratio = cost.dividedBy(value).toNumber();
        expect(ratio).toBeGreaterThan(COST_TO_VALUE[0]);
        expect(ratio).toBeLessThan(COST_TO_VALUE[1]);
      }
    }
  });

  it('records rating histories that start with an initial rating and move as their actions say', () => {
    const byIssuer = new Map<string, CsvRow[]>();
    for (const row of tables.credit_ratings)
      byIssuer.set(row.issuer_id ?? '', [...(byIssuer.get(row.issuer_id ?? '') ?? []), row]);
    for (const [, history] of byIssuer) {
      expect(history[0].action).toBe('INITIAL');
      expect(new Set(history.map((row) => row.agency)).size).toBe(1);
      for (let i = 1; i < history.length; i++) {
        expect((history[i].rating_date ?? '') > (history[i - 1].rating_date ?? '')).toBe(true);
        const change =
          ratingNotch(history[i].rating ?? '') - ratingNotch(history[i - 1].rating ?? '');
        const expected = { UPGRADE: change < 0, DOWNGRADE: change > 0, AFFIRM: change === 0 }[
          history[i].action as 'AFFIRM'
        ];
        expect(expected).toBe(true);
      }
      const moodys = history[0].agency === "Moody's";
      for (const row of history)
        expect(/^(Aaa|Aa|A\d|Baa|Ba|B\d|Caa)/.test(row.rating ?? '')).toBe(moodys);
    }
    const actions = new Set(tables.credit_ratings.map((row) => row.action));
    expect([...actions].sort()).toEqual(['AFFIRM', 'DOWNGRADE', 'INITIAL', 'UPGRADE']);
  });

  it('gives risk metrics by type: VaR for portfolios, beta for shares, duration and convexity for bonds', () => {
    const portfolioRows = tables.risk_metrics.filter((row) => row.portfolio_id !== null);
    const securityRows = tables.risk_metrics.filter((row) => row.security_id !== null);
    expect(portfolioRows).toHaveLength(14);
    expect(securityRows).toHaveLength(60);
    for (const row of portfolioRows) {
      expect(row.security_id).toBeNull();
      expect(dec(row.var_95).gt(0) && dec(row.var_99).gt(dec(row.var_95))).toBe(true);
      expect(Number(row.volatility)).toBeGreaterThan(0);
      expect(Number(row.volatility)).toBeLessThan(1);
    }
    const ofPortfolio = (id: string) => portfolioRows.filter((row) => row.portfolio_id === id);
    for (const row of ofPortfolio('PORT-001'))
      expect([row.beta !== null, row.duration]).toEqual([true, null]);
    for (const row of ofPortfolio('PORT-004'))
      expect([row.beta, Number(row.duration)]).toEqual([null, expect.any(Number)]);
    for (const row of ofPortfolio('PORT-006'))
      expect(row.beta !== null && row.duration !== null).toBe(true);
    for (const row of securityRows) {
      const type = view.security(row.security_id ?? '').security_type ?? '';
      expect(row.var_95).toBeNull();
      if (type === 'EQUITY') {
        expect(Number(row.beta)).toBeGreaterThan(0.2);
        expect(Number(row.beta)).toBeLessThan(2.5);
        expect(row.duration).toBeNull();
      }
      if (CREDIT_TYPES.includes(type)) {
        expect(row.beta).toBeNull();
        expect(Number(row.duration)).toBeGreaterThan(0);
        expect(Number(row.duration)).toBeLessThan(30);
        expect(Number(row.convexity)).toBeGreaterThan(0);
      }
    }
    const typeCount = (types: string[]) =>
      securityRows.filter((row) =>
        types.includes(view.security(row.security_id ?? '').security_type ?? ''),
      ).length;
    expect([typeCount(['EQUITY']), typeCount(CREDIT_TYPES)]).toEqual([30, 25]);
  });

  it('attributes every position held on either date, from exactly the stored holdings, prices, FX and actions', () => {
    const keys = view.positionKeys().sort();
    expect(
      tables.variance_summary.map((row) => positionKey(row.portfolio_id, row.security_id)).sort(),
    ).toEqual(keys);
    for (const row of tables.variance_summary) {
      const key = positionKey(row.portfolio_id, row.security_id);
      const securityId = row.security_id ?? '';
      const security = view.security(securityId);
      expect([row.period_from, row.period_to]).toEqual([PERIOD_1, PERIOD_2]);
      expect(row.mv_start).toBe(view.holding1(key)?.market_value ?? '0.00');
      expect(row.mv_end).toBe(view.holding2(key)?.market_value ?? '0.00');
      const effects = [
        row.price_effect,
        row.qty_effect,
        row.fx_effect,
        row.corp_action_effect,
      ].reduce((sum, value) => sum.plus(dec(value)), new D(0));
      expect(effects.toFixed(2)).toBe(row.total_pnl);
      expect(dec(row.mv_end).minus(dec(row.mv_start)).toFixed(2)).toBe(row.total_pnl);

      const attribution = attributePosition({
        start: {
          quantity: view.holding1(key)?.quantity ?? '0',
          price: view.close1(securityId),
          fxRate: view.fx(security.currency ?? '', PERIOD_1),
        },
        end: {
          quantity: view.holding2(key)?.quantity ?? '0',
          price: view.close2(securityId),
          fxRate: view.fx(security.currency ?? '', PERIOD_2),
        },
        priceFactor: priceFactor(security.security_type),
        corporateActions: view
          .actionsOf(securityId)
          .filter(
            (action) => (action.ex_date ?? '') > PERIOD_1 && (action.ex_date ?? '') <= PERIOD_2,
          )
          .map(libraryAction),
      });
      expect(
        [
          attribution.priceEffect,
          attribution.qtyEffect,
          attribution.fxEffect,
          attribution.corpActionEffect,
        ].map((value) => value.toFixed(2)),
      ).toEqual([row.price_effect, row.qty_effect, row.fx_effect, row.corp_action_effect]);
    }
  });
});

import {
  createTestDatabase,
  TEST_DATASET_TIMEOUT_MS,
  TestDatabase,
} from '@securities/database/testing';
import { percentile } from '@securities/market-sim';
import { realismReport } from '../src';
import { SECURITY_FACTS, SecurityFact } from '../src/lib/realism/realism-facts';
import { RealismMeasures } from '../src/lib/realism/realism-query';
import { SessionTicks, sectorCorrelations, securityFacts } from './support/stylized-facts';

/**
 * The realism report's SQL against an independent TypeScript computation of the same statistics,
 * on the tiny dataset (130 securities, 2024-12-31 .. 2025-03-31, ticks): every per-security fact,
 * the percentiles across securities and the sector correlations agree.
 */
describe('the realism report computes its statistics in SQL as the textbook defines them', () => {
  let db: TestDatabase;
  let measures: RealismMeasures;
  let text: string;

  beforeAll(async () => {
    db = await createTestDatabase({}, { dataset: 'tiny' });
    ({ measures, text } = await realismReport(db.dataSource));
  }, TEST_DATASET_TIMEOUT_MS);
  afterAll(() => db?.drop());

  /** Closes scaled up by each split's ratio before its ex-date: the split-adjusted series. */
  async function adjustedCloses(securityId: string) {
    const bars: { price_date: string; close: number; volume: number }[] = await db.dataSource.query(
      `SELECT price_date, close_price::float8 AS close, volume::float8 AS volume
       FROM pricing_history WHERE security_id = $1 ORDER BY price_date`,
      [securityId],
    );
    const splits: { ex_date: string; ratio: number }[] = await db.dataSource.query(
      `SELECT ex_date, ratio::float8 AS ratio FROM corporate_actions
       WHERE security_id = $1 AND action_type = 'STOCK_SPLIT'`,
      [securityId],
    );
    const closes = bars.map(({ price_date, close }) =>
      splits.reduce(
        (value, split) => (price_date < split.ex_date ? value / split.ratio : value),
        close,
      ),
    );
    return {
      closes,
      volumes: bars.map((bar) => bar.volume),
      dates: bars.map((bar) => bar.price_date),
    };
  }

  async function sessions(securityId: string): Promise<SessionTicks[]> {
    const ticks: { day: string; price: number; volume: number; bid: number; ask: number }[] =
      await db.dataSource.query(
        `SELECT tick_time::date::text AS day, price::float8 AS price, volume::float8 AS volume,
                bid::float8 AS bid, ask::float8 AS ask
         FROM tick_data WHERE security_id = $1 ORDER BY tick_time`,
        [securityId],
      );
    const byDay = new Map<string, typeof ticks>();
    for (const tick of ticks) byDay.set(tick.day, [...(byDay.get(tick.day) ?? []), tick]);
    return [...byDay.values()].map((day) => ({
      price: day.map((tick) => tick.price),
      volume: day.map((tick) => tick.volume),
      bid: day.map((tick) => tick.bid),
      ask: day.map((tick) => tick.ask),
    }));
  }

  // A share that splits 4-for-1 in the quarter, two other shares, the bond that matures in the
  // quarter, an option and the fund (no volume: its intraday volume ratios are undefined).
  it.each(['SEC-0003', 'SEC-0001', 'SEC-0020', 'SEC-0067', 'SEC-0102', 'SEC-0120'])(
    'gives %s the facts computed from its bars and ticks',
    async (securityId) => {
      const { closes, volumes } = await adjustedCloses(securityId);
      const expected = securityFacts(closes, volumes, await sessions(securityId));
      const row = measures.securities.find((security) => security.securityId === securityId);
      expect(row?.ticks).toBe(closes.length * 1_170);
      for (const { fact } of SECURITY_FACTS) {
        const value = expected[fact];
        if (value === null) expect(row?.[fact]).toBeNull();
        else expect(row?.[fact]).toBeCloseTo(value, 6);
      }
    },
    120_000,
  );

  it('takes the percentiles across the securities of each type', () => {
    const types = [...new Set(measures.securities.map((row) => row.securityType))];
    expect(types).toEqual(expect.arrayContaining(['EQUITY', 'BOND', 'OPTION']));
    for (const type of types) {
      for (const { fact } of SECURITY_FACTS) {
        const values = measures.securities
          .filter((row) => row.securityType === type)
          .map((row) => row[fact as SecurityFact])
          .filter((value): value is number => value !== null);
        const row = measures.percentiles.find((p) => p.securityType === type && p.fact === fact);
        if (values.length === 0) {
          expect(row).toBeUndefined();
          continue;
        }
        expect(row).toMatchObject({ securities: values.length });
        expect(row?.p10).toBeCloseTo(percentile(values, 0.1), 9);
        expect(row?.median).toBeCloseTo(percentile(values, 0.5), 9);
        expect(row?.p90).toBeCloseTo(percentile(values, 0.9), 9);
      }
    }
  });

  it('averages the pairwise correlations within and across sectors', async () => {
    const equities: { security_id: string; sector: string }[] = await db.dataSource.query(
      `SELECT s.security_id, i.sector FROM securities_master s JOIN issuer i USING (issuer_id)
       WHERE s.security_type = 'EQUITY' ORDER BY s.security_id`,
    );
    const series = await Promise.all(
      equities.map(async ({ security_id, sector }) => {
        const { closes } = await adjustedCloses(security_id);
        return {
          sector,
          returns: closes.slice(1).map((close, i) => Math.log(close / closes[i])),
        };
      }),
    );
    const expected = sectorCorrelations(series);
    const row = measures.sectors.find((sector) => sector.securityType === 'EQUITY');
    expect(row?.within).toBeCloseTo(expected.within, 9);
    expect(row?.across).toBeCloseTo(expected.across, 9);
  }, 120_000);

  it('prints the period, every fact beside its target, and the sources', () => {
    expect(text).toMatch(
      /2024-12-31 \.\. 2025-03-31: 65 trading days, 130 securities, 9,886,500 ticks/,
    );
    for (const { label } of SECURITY_FACTS) expect(text).toContain(label);
    expect(text).toContain('3 to 10');
    expect(text).toMatch(/\[1\] R\. Cont, "Empirical properties of asset returns/);
  });
});

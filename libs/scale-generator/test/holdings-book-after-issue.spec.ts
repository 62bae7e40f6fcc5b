import { createRandomSource, IsoDate } from '@securities/market-sim';
import { resolveScaleProfile, tradingDays } from '../src';
import { BASE_PERIOD_POSITIONS } from '@securities/vocabulary';
import {
  firstHoldableDay,
  layoutBook,
  minimumBookSecurities,
} from '../src/lib/holdings/book-lines';
import { layoutHoldings } from '../src/lib/holdings/holdings-layout';

const PORTFOLIOS = Array.from({ length: 7 }, (_, i) => `PORT-00${i + 1}`);
const DAY_MS = 86_400_000;

/** The full profile's book over 2020-2021 (no base positions there), every portfolio one pool. */
const fullProfileBook = () => {
  const profile = resolveScaleProfile('full', { from: '2020-01-01', to: '2021-12-31' });
  const layout = layoutHoldings(tradingDays(profile), profile);
  const book = (pool: readonly string[], issueDates: ReadonlyMap<string, IsoDate>) =>
    layoutBook({
      layout,
      baseLines: [],
      portfolios: PORTFOLIOS,
      pools: new Map(PORTFOLIOS.map((p) => [p, pool])),
      issueDates,
      random: createRandomSource(1, 'test'),
    });
  return { layout, book };
};

describe('a trading book holds a security only from its issue date', () => {
  // The full profile over 2020-2021 (no base positions: its period dates lie after the range),
  // where every third security is issued during or after the range, as grown options, futures and
  // bonds are: 2019-07-01 plus 1.5 days per index, up to 2023-08.
  const { layout, book: bookOf } = fullProfileBook();
  const securities = Array.from(
    { length: 1_000 },
    (_, i) => `SEC-${String(i + 1).padStart(4, '0')}`,
  );
  const issueDates = new Map<string, IsoDate>(
    securities.map((id, i) => [
      id,
      i % 3 === 0
        ? new Date(Date.UTC(2019, 6, 1) + Math.floor(i * 1.5) * DAY_MS).toISOString().slice(0, 10)
        : '2005-06-01',
    ]),
  );
  const book = bookOf(securities, issueDates);
  const issueOf = (securityId: string) => issueDates.get(securityId) as IsoDate;

  it('opens no position before its security is issued', () => {
    const early = book.filter((line) => layout.days[line.from] < issueOf(line.securityId));
    expect(early).toEqual([]);
  });

  it('holds from the first day (bought before the range) only what was issued before it', () => {
    const fromStart = book.filter((line) => line.from === 0);
    expect(fromStart.length).toBeGreaterThan(0);
    expect(fromStart.filter((line) => issueOf(line.securityId) >= layout.days[0])).toEqual([]);
  });

  it('still buys securities issued during the range, once they are', () => {
    const issuedInRange = book.filter(
      (line) =>
        issueOf(line.securityId) > layout.days[0] &&
        issueOf(line.securityId) <= layout.days[layout.days.length - 1],
    );
    expect(issuedInRange.length).toBeGreaterThan(0);
  });
});

describe('the fewest securities the options check allows, some never issued within the range', () => {
  // The check runs before the universe exists, so it cannot know issue dates: with the pools it
  // counted (every fifth security issued only after the range, as futures listed after 2025-03-31
  // are), the book must still lay out.
  const { layout, book: bookOf } = fullProfileBook();
  // No base positions in this range: the pool is the minimum less the base set's allowance.
  const poolSize =
    minimumBookSecurities(layout) -
    BASE_PERIOD_POSITIONS.mostInOnePortfolio -
    BASE_PERIOD_POSITIONS.maturedByPeriod2;
  const pool = Array.from({ length: poolSize }, (_, i) => `SEC-${String(i + 1).padStart(4, '0')}`);
  const issueDates = new Map<string, IsoDate>(
    pool.map((id, i) => [id, i % 5 === 0 ? '2023-01-02' : '2005-06-01']),
  );

  it('lays out the book, never holding what is not issued yet', () => {
    const book = bookOf(pool, issueDates);
    expect(book.length).toBeGreaterThan(0);
    expect(book.filter((line) => issueDates.get(line.securityId) === '2023-01-02')).toEqual([]);
  });
});

describe('the first day a book may hold a security', () => {
  const days = ['2021-03-01', '2021-03-02', '2021-03-03', '2021-03-05', '2021-03-08'];

  it.each([
    ['issued before the range: held from day 0', '2021-02-26', 0],
    [
      'issued on day 0: bought on day 1, as day 0 means held from before the range',
      '2021-03-01',
      1,
    ],
    ['issued on a later day: that day', '2021-03-03', 2],
    ['issued on a day off: the next trading day', '2021-03-06', 4],
    ['issued after the range: never (days.length)', '2021-03-09', 5],
  ])('%s', (_, issueDate, day) => {
    expect(firstHoldableDay(days, issueDate)).toBe(day);
  });
});

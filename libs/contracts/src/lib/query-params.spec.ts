import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import {
  ListCorporateActionsQuery,
  ListFxRatesQuery,
  ListHoldingsQuery,
  ListSecuritiesQuery,
  SecurityIdParam,
  TopMoversQuery,
} from './query-params';

type QueryClass = new () => object;

/** What the API's ValidationPipe does: query strings in, typed DTO or messages out. */
function parse<T extends object>(
  type: new () => T,
  query: Record<string, unknown>,
): { value: T; errors: string[] } {
  const value = plainToInstance(type, query);
  const errors = validateSync(value, {
    whitelist: true,
    forbidNonWhitelisted: true,
    stopAtFirstError: true,
  }).flatMap((error) => Object.values(error.constraints ?? {}));
  return { value, errors };
}

describe('query parameter contracts', () => {
  it.each<[QueryClass, Record<string, unknown>]>([
    [ListSecuritiesQuery, { limit: 100, offset: 0 }],
    [ListHoldingsQuery, { period: 1, limit: 100, offset: 0 }],
    [TopMoversQuery, { limit: 20 }],
    [ListCorporateActionsQuery, { limit: 100, offset: 0 }],
    [ListFxRatesQuery, { limit: 100, offset: 0 }],
  ])('%p has the seed defaults', (type, defaults) => {
    const { value, errors } = parse(type, {});
    expect(errors).toEqual([]);
    expect(value).toEqual(expect.objectContaining(defaults));
  });

  it('converts query strings to numbers', () => {
    const { value, errors } = parse(ListHoldingsQuery, { period: '2', limit: '20', offset: '40' });
    expect(errors).toEqual([]);
    expect(value).toMatchObject({ period: 2, limit: 20, offset: 40 });
  });

  it.each<[QueryClass, Record<string, unknown>, string]>([
    [ListSecuritiesQuery, { limit: '501' }, 'limit must not be greater than 500'],
    [ListSecuritiesQuery, { limit: 'abc' }, 'limit must be an integer'],
    [ListSecuritiesQuery, { offset: '-1' }, 'offset must not be less than 0'],
    [
      ListSecuritiesQuery,
      { security_type: 'STOCK' },
      'security_type must be one of EQUITY, BOND, OPTION, FUTURE, CLO, ABS, ETF, FUND',
    ],
    [
      ListSecuritiesQuery,
      { currency: 'usd' },
      'currency must be a three-letter upper-case ISO 4217 code, e.g. USD',
    ],
    [
      ListSecuritiesQuery,
      { sector: 'x'.repeat(51) },
      'sector must be shorter than or equal to 50 characters',
    ],
    [
      ListSecuritiesQuery,
      { sector: "Tech' OR 1=1" },
      'sector must be a sector name (letters, spaces, & , . -)',
    ],
    [ListSecuritiesQuery, { sort: 'name' }, 'property sort should not exist'],
    [ListHoldingsQuery, { period: '3' }, 'period must be 1 (2024-12-31) or 2 (2025-03-31)'],
    [ListHoldingsQuery, { period: '1.0' }, 'period must be 1 (2024-12-31) or 2 (2025-03-31)'],
    [ListHoldingsQuery, { period: ' 2' }, 'period must be 1 (2024-12-31) or 2 (2025-03-31)'],
    [ListSecuritiesQuery, { limit: '1.0' }, 'limit must be an integer'],
    [ListSecuritiesQuery, { limit: '1e2' }, 'limit must be an integer'],
    [ListSecuritiesQuery, { offset: '0x10' }, 'offset must be an integer'],
    [ListHoldingsQuery, { portfolio_id: 'PORT 1' }, 'portfolio_id must look like PORT-001'],
    [TopMoversQuery, { limit: '101' }, 'limit must not be greater than 100'],
    [
      ListCorporateActionsQuery,
      { action_type: 'BUYBACK' },
      'action_type must be one of STOCK_SPLIT, DIVIDEND, COUPON, MATURITY',
    ],
    [
      ListFxRatesQuery,
      { rate_date: '2024-02-30' },
      'rate_date must be a real calendar date YYYY-MM-DD',
    ],
    [
      ListFxRatesQuery,
      { rate_date: '31/12/2024' },
      'rate_date must be a real calendar date YYYY-MM-DD',
    ],
    [
      SecurityIdParam,
      { security_id: 'SEC-0001; DROP TABLE x' },
      'security_id must look like SEC-0001',
    ],
  ])('%p rejects %j: "%s"', (type, query, message) => {
    expect(parse(type, query).errors).toEqual([message]);
  });

  it('accepts valid filters', () => {
    expect(
      parse(ListSecuritiesQuery, {
        security_type: 'BOND',
        sector: 'Consumer Staples',
        currency: 'EUR',
      }).errors,
    ).toEqual([]);
    expect(
      parse(ListFxRatesQuery, { from_currency: 'GBP', rate_date: '2024-12-31' }).errors,
    ).toEqual([]);
    expect(parse(SecurityIdParam, { security_id: 'SEC-0001' }).errors).toEqual([]);
  });
});

import { TEST_DATASET_TIMEOUT_MS } from '@securities/database/testing';
import Ajv, { ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { ApiTestContext, startApiWithData } from './api-test-context';

/** Fewer bars than the window: no value yet, an empty series. */
const EMPTY_SERIES =
  '/api/securities/SEC-0001/indicators/sma?window=200&from=2025-03-03&to=2025-03-31';
/** The attribution between two trading days (the other answer of the variance endpoint). */
const PERIOD_ATTRIBUTION = '/api/variance/portfolio/PORT-001?from=2025-01-02&to=2025-02-14';

/**
 * Real answers of the API on the tiny set, each validated by Ajv (an independent JSON Schema
 * validator) against the 200 schema the API itself serves at /openapi.json: the document a client
 * generates its types from must accept every answer the API gives, edge cases included (an empty
 * indicator series, a period attribution without a position).
 */
describe('every answer matches the OpenAPI document the API serves', () => {
  let ctx: ApiTestContext;
  let validatorOf: (path: string) => ValidateFunction;
  /** What Ajv finds wrong with `body` as the 200 answer of `path` (none: it matches). */
  const schemaErrors = (path: string, body: unknown) => {
    const validate = validatorOf(path);
    return validate(body) ? [] : validate.errors;
  };
  const answer = async (url: string) => (await ctx.api.get(url).expect(200)).body;

  beforeAll(async () => {
    ctx = await startApiWithData('tiny', { readOnly: true });
    const document = (await ctx.api.get('/openapi.json').expect(200)).body;
    // OpenAPI 3.0 adds keywords (example, nullable) to JSON Schema: not strict, nullable known.
    const ajv = new Ajv({ strict: false, allErrors: true });
    addFormats(ajv);
    ajv.addSchema(document, 'openapi.json');
    const pointer = (path: string) =>
      ['paths', path, 'get', 'responses', '200', 'content', 'application/json', 'schema']
        .map((part) => part.replaceAll('~', '~0').replaceAll('/', '~1'))
        .join('/');
    validatorOf = (path) => ajv.compile({ $ref: `openapi.json#/${pointer(path)}` });
  }, TEST_DATASET_TIMEOUT_MS);
  afterAll(() => ctx?.close());

  const answers: [path: string, url: string][] = [
    ['/api/securities', '/api/securities?limit=5'],
    ['/api/securities/{security_id}', '/api/securities/SEC-0003'],
    ['/api/securities/{security_id}/ratings', '/api/securities/SEC-0113/ratings'],
    [
      '/api/securities/{security_id}/bars',
      '/api/securities/SEC-0003/bars?interval=1w&from=2025-01-02&to=2025-03-31&adjustment=split',
    ],
    [
      '/api/securities/{security_id}/indicators/{indicator}',
      '/api/securities/SEC-0001/indicators/sma?window=5&from=2025-03-03&to=2025-03-31',
    ],
    [
      '/api/securities/{security_id}/indicators/{indicator}',
      '/api/securities/SEC-0001/indicators/macd?from=2025-01-02&to=2025-03-31',
    ],
    ['/api/securities/{security_id}/indicators/{indicator}', EMPTY_SERIES],
    ['/api/market/daily', '/api/market/daily?date=2025-03-28&limit=5'],
    ['/api/portfolios/{portfolio_id}/holdings', '/api/portfolios/PORT-001/holdings?limit=5'],
    [
      '/api/portfolios/{portfolio_id}/performance',
      '/api/portfolios/PORT-001/performance?from=2025-01-02&to=2025-03-31&interval=1w',
    ],
    ['/api/variance/portfolio/{portfolio_id}', '/api/variance/portfolio/PORT-001'],
    ['/api/variance/portfolio/{portfolio_id}', PERIOD_ATTRIBUTION],
    ['/api/variance/quarterly', '/api/variance/quarterly?limit=5'],
    ['/api/risk-metrics', '/api/risk-metrics?limit=5'],
  ];

  it.each(answers)('%s: %s', async (path, url) => {
    expect(schemaErrors(path, await answer(url))).toEqual([]);
  });

  it('gives the window=200 request above an empty series: the edge its schema must accept', async () => {
    expect(await answer(EMPTY_SERIES)).toEqual([]);
  });

  it('accepts a period attribution without a position, as the variance schema allows', async () => {
    // Made from a real answer: a portfolio may hold nothing between two dates.
    const period = await answer(PERIOD_ATTRIBUTION);
    expect(
      schemaErrors('/api/variance/portfolio/{portfolio_id}', { ...period, details: [] }),
    ).toEqual([]);
  });
});

import { TEST_DATASET_TIMEOUT_MS } from '@securities/database/testing';
import { ApiTestContext, startApiWithBaseData } from './api-test-context';

describe('the OpenAPI document of the portfolio analytics', () => {
  let ctx: ApiTestContext;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  let doc: any;
  beforeAll(async () => {
    ctx = await startApiWithBaseData({ readOnly: true });
    doc = (await ctx.api.get('/openapi.json').expect(200)).body;
  }, TEST_DATASET_TIMEOUT_MS);
  afterAll(() => ctx.close());

  const parameters = (path: string) =>
    Object.fromEntries(
      doc.paths[path].get.parameters.map((p: { name: string; schema: object }) => [
        p.name,
        p.schema,
      ]),
    );

  it('writes the method of the performance series in its description', () => {
    const { description } = doc.paths['/api/portfolios/{portfolio_id}/performance'].get;
    expect(description).toContain(
      'pnl_t = MV_t - MV_{t-1} - F_t + I_t and r_t = pnl_t / (MV_{t-1} + F_t)',
    );
    expect(description).toContain('linked geometrically');
    expect(parameters('/api/portfolios/{portfolio_id}/performance')).toMatchObject({
      interval: { enum: ['1d', '1w', '1mo'], default: '1d' },
      from: { format: 'date', example: '2024-12-31' },
      to: { format: 'date', example: '2025-03-31' },
    });
  });

  it('documents the two answers of the variance endpoint and its dates', () => {
    const ok = doc.paths['/api/variance/portfolio/{portfolio_id}'].get.responses['200'];
    expect(ok.content['application/json'].schema.anyOf).toEqual([
      { $ref: '#/components/schemas/PortfolioVarianceResponse' },
      { $ref: '#/components/schemas/PeriodVarianceResponse' },
    ]);
    expect(parameters('/api/variance/portfolio/{portfolio_id}')).toMatchObject({
      from: { format: 'date' },
      to: { format: 'date' },
    });
    expect(doc.components.schemas.PeriodVarianceSummaryResponse.properties).toHaveProperty(
      'period_from',
    );
  });

  it.each([
    '/api/portfolios/{portfolio_id}',
    '/api/portfolios/{portfolio_id}/holdings',
    '/api/portfolios/{portfolio_id}/performance',
    '/api/variance/portfolio/{portfolio_id}',
    '/api/variance/quarterly',
    '/api/securities/{security_id}/ratings',
    '/api/risk-metrics',
  ])('%s: a 200 with a schema, a 400 and a 404 with the error body', (path) => {
    const { responses } = doc.paths[path].get;
    expect(responses['200'].content['application/json'].schema).toBeDefined();
    expect(responses['400'].content['application/json'].schema).toEqual({
      $ref: '#/components/schemas/ErrorResponse',
    });
    expect(responses['404'].content['application/json'].schema).toEqual({
      $ref: '#/components/schemas/ErrorResponse',
    });
  });

  it('gives the paged lists their limits and the X-Total-Count header', () => {
    expect(parameters('/api/portfolios/{portfolio_id}/holdings')).toMatchObject({
      date: { format: 'date' },
      limit: { maximum: 500, default: 100 },
    });
    expect(parameters('/api/variance/quarterly')).toMatchObject({
      quarter: { pattern: '^\\d{4}Q[1-4]$', example: '2025Q1' },
      limit: { maximum: 500 },
    });
    for (const path of [
      '/api/variance/quarterly',
      '/api/risk-metrics',
      '/api/securities/{security_id}/ratings',
    ]) {
      expect(doc.paths[path].get.responses['200'].headers['X-Total-Count']).toBeDefined();
    }
  });
});

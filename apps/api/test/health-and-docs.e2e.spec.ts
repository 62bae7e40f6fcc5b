import { TEST_DATASET_TIMEOUT_MS } from '@securities/database/testing';
import { ApiTestContext, startApiWithBaseData } from './api-test-context';

const OPERATIONS = [
  'GET /api/health',
  'GET /api/securities',
  'GET /api/securities/{security_id}',
  'GET /api/portfolios',
  'GET /api/holdings',
  'GET /api/variance/portfolio/{portfolio_id}',
  'GET /api/variance/top-movers',
  'GET /api/corporate-actions',
  'GET /api/fx-rates',
  // Market data (issue 13).
  'GET /api/securities/{security_id}/bars',
  'GET /api/securities/{security_id}/ticks',
  'GET /api/securities/{security_id}/snapshot',
  'GET /api/securities/{security_id}/indicators/{indicator}',
  'GET /api/securities/{security_id}/corporate-actions',
  'GET /api/market/daily',
  'GET /api/market/movers',
  // Portfolios over time (issue 14).
  'GET /api/portfolios/{portfolio_id}',
  'GET /api/portfolios/{portfolio_id}/holdings',
  'GET /api/portfolios/{portfolio_id}/performance',
  'GET /api/variance/quarterly',
  'GET /api/securities/{security_id}/ratings',
  'GET /api/risk-metrics',
];

describe('health and the OpenAPI document', () => {
  let ctx: ApiTestContext;
  beforeAll(
    async () => (ctx = await startApiWithBaseData({ readOnly: true })),
    TEST_DATASET_TIMEOUT_MS,
  );
  afterAll(() => ctx.close());

  it('GET /api/health answers the seed body after a real database check', async () => {
    const res = await ctx.api.get('/api/health').expect(200);
    expect(res.body).toMatchObject({
      status: 'ok',
      service: 'securities-platform',
      version: '1.0.0',
    });
    expect(res.body.database).toBe('up');
  });

  it("serves /openapi.json describing exactly the seed's nine operations and the later ones", async () => {
    const { body } = await ctx.api.get('/openapi.json').expect(200);
    const operations = Object.entries(body.paths).flatMap(([path, methods]) =>
      Object.keys(methods as object).map((method) => `${method.toUpperCase()} ${path}`),
    );
    expect(operations.sort()).toEqual([...OPERATIONS].sort());
  });

  it('describes parameters with their enums, limits and defaults', async () => {
    const { body } = await ctx.api.get('/openapi.json').expect(200);
    const params = (path: string) =>
      Object.fromEntries(
        body.paths[path].get.parameters.map((p: { name: string; schema: object }) => [
          p.name,
          p.schema,
        ]),
      );
    expect(params('/api/securities')).toMatchObject({
      security_type: { enum: ['EQUITY', 'BOND', 'OPTION', 'FUTURE', 'CLO', 'ABS', 'ETF', 'FUND'] },
      limit: { minimum: 1, maximum: 500, default: 100 },
      offset: { minimum: 0, default: 0 },
    });
    expect(params('/api/holdings')).toMatchObject({
      period: { enum: [1, 2], default: 1 },
      limit: { maximum: 500 },
    });
    expect(params('/api/variance/top-movers')).toMatchObject({
      limit: { maximum: 100, default: 20 },
    });
    expect(params('/api/corporate-actions')).toMatchObject({
      action_type: { enum: ['STOCK_SPLIT', 'DIVIDEND', 'COUPON', 'MATURITY'] },
    });
    const securities = body.paths['/api/securities'].get.responses['200'];
    expect(securities.headers['X-Total-Count']).toBeDefined();
    expect(body.components.schemas.SecurityResponse.properties).toHaveProperty('coupon_rate');
    expect(body.components.schemas.PortfolioVarianceResponse.properties).toHaveProperty('summary');
    expect(params('/api/securities/{security_id}/bars')).toMatchObject({
      security_id: { example: 'SEC-0001' },
      interval: { enum: ['1m', '5m', '15m', '30m', '1h', '1d', '1w', '1mo'], default: '1d' },
      adjustment: { enum: ['raw', 'split', 'dividend', 'all'], default: 'raw' },
      sort: { enum: ['asc', 'desc'], default: 'asc' },
      limit: { minimum: 1, maximum: 50000, default: 5000 },
    });
    expect(params('/api/securities/{security_id}/ticks')).toMatchObject({
      format: { enum: ['json', 'csv', 'ndjson'] },
      limit: { maximum: 50000 },
    });
    expect(params('/api/market/movers')).toMatchObject({
      direction: { enum: ['gainers', 'losers'], default: 'gainers' },
    });
    const bars = body.paths['/api/securities/{security_id}/bars'].get.responses['200'];
    expect(bars.headers.Link).toBeDefined();
    expect(
      Object.keys(body.paths['/api/securities/{security_id}/ticks'].get.responses['200'].content),
    ).toEqual(['application/json', 'text/csv; charset=utf-8', 'application/x-ndjson']);
    expect(body.components.schemas.BarResponse.properties.adjustment_factor.example).toBe(0.25);
  });

  it('declares every path parameter, with the pattern the API enforces', async () => {
    const { body } = await ctx.api.get('/openapi.json').expect(200);
    for (const [path, item] of Object.entries<{ get: { parameters?: object[] } }>(body.paths)) {
      const inPath = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
      const declared = (item.get.parameters ?? []).filter(
        (p) => (p as { in: string }).in === 'path',
      ) as { name: string; required: boolean; schema: { pattern?: string; enum?: string[] } }[];
      expect(declared.map((p) => p.name)).toEqual(inPath);
      for (const parameter of declared) {
        expect(parameter.required).toBe(true);
        // An id has the pattern the API enforces; a choice (an indicator) lists its values.
        if (parameter.name.endsWith('_id'))
          expect(parameter.schema.pattern).toBe('^[A-Z][A-Z0-9]{1,7}-[0-9]{1,7}$');
        else expect(parameter.schema.enum?.length).toBeGreaterThan(0);
      }
    }
  });

  it('says where it is served, declares its tags, needs no credentials, and types integers', async () => {
    const { body } = await ctx.api.get('/openapi.json').expect(200);
    expect(body.servers).toEqual([{ url: '/', description: 'This server' }]);
    expect(body.security).toEqual([]);
    const used = new Set(
      Object.values<{ get: { tags: string[] } }>(body.paths).flatMap((item) => item.get.tags),
    );
    const declared = body.tags.map((tag: { name: string; description: string }) => {
      expect(tag.description).toBeTruthy();
      return tag.name;
    });
    expect([...used].sort()).toEqual([...declared].sort());
    const query = (path: string, name: string) =>
      body.paths[path].get.parameters.find((p: { name: string }) => p.name === name).schema;
    expect(query('/api/securities', 'limit').type).toBe('integer');
    expect(query('/api/securities', 'offset').type).toBe('integer');
    expect(query('/api/holdings', 'period').type).toBe('integer');
    expect(query('/api/holdings', 'portfolio_id').pattern).toBeDefined();
    expect(body.components.schemas.HoldingResponse.properties.holding_id.type).toBe('integer');
  });

  it('describes every operation and gives each error status an example of its own status', async () => {
    const { body } = await ctx.api.get('/openapi.json').expect(200);
    for (const [path, item] of Object.entries<{
      get: { description?: string; responses: Record<string, { content?: object }> };
    }>(body.paths)) {
      expect({ path, described: (item.get.description?.length ?? 0) > 20 }).toEqual({
        path,
        described: true,
      });
      expect(Object.keys(item.get.responses)).toContain('400');
      for (const [status, response] of Object.entries(item.get.responses)) {
        if (Number(status) < 400) continue;
        const example = (response.content as { 'application/json': { example: object } })[
          'application/json'
        ].example as { statusCode?: number; status?: string };
        // Health's 503 is its own body ({ status: 'error', database: 'down' }).
        if (path === '/api/health' && status === '503') expect(example.status).toBe('error');
        else expect(example.statusCode).toBe(Number(status));
      }
    }
  });

  it('takes its examples from the data npm start loads (seed 42), not invented names', async () => {
    const { body } = await ctx.api.get('/openapi.json').expect(200);
    const security = body.components.schemas.SecurityResponse.properties;
    expect(security.security_id.example).toBe('SEC-0001');
    expect(security.security_name.example).toBe('Lakeshore Data Group, Inc.');
    expect(JSON.stringify(body)).not.toContain('TechCorp');
  });

  it('serves the Swagger UI page at /docs', async () => {
    const res = await ctx.api.get('/docs').expect(200);
    expect(res.text).toContain('swagger-ui');
  });
});

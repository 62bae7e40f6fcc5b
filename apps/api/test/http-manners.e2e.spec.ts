import { TEST_DATASET_TIMEOUT_MS } from '@securities/database/testing';
import { request as httpRequest } from 'node:http';
import { AddressInfo } from 'node:net';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { ApiTestContext, startApiWithBaseData } from './api-test-context';

/** Every operation the base set answers, with its path parameters filled by ids it has. */
const READS = [
  '/api/health',
  '/api/securities',
  '/api/securities/SEC-0001',
  '/api/securities/SEC-0001/ratings',
  '/api/portfolios',
  '/api/portfolios/PORT-001',
  '/api/portfolios/PORT-001/holdings',
  '/api/holdings',
  '/api/variance/portfolio/PORT-001',
  '/api/variance/top-movers',
  '/api/variance/quarterly',
  '/api/risk-metrics',
  '/api/corporate-actions',
  '/api/fx-rates',
];
/**
 * Operations that need ticks or daily holdings (the scale set), which the base set lacks: the same
 * hooks serve them (they are installed on the server, not per route); their own suites run them.
 */
const SCALE_SET_OPERATIONS = [
  '/api/portfolios/{portfolio_id}/performance',
  '/api/securities/{security_id}/bars',
  '/api/securities/{security_id}/corporate-actions',
  '/api/securities/{security_id}/ticks',
  '/api/securities/{security_id}/snapshot',
  '/api/securities/{security_id}/indicators/{indicator}',
  '/api/market/daily',
  '/api/market/movers',
];
const DATA_READS = READS.filter((path) => path !== '/api/health');

interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

describe('HTTP manners, the same on every endpoint', () => {
  let ctx: ApiTestContext;
  let port: number;

  /** A request as a browser or curl sends it: no decoding, raw bytes back. */
  function raw(
    path: string,
    headers: Record<string, string> = {},
    method = 'GET',
  ): Promise<RawResponse> {
    return new Promise((resolve, reject) => {
      const req = httpRequest({ host: '127.0.0.1', port, path, method, headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks),
          }),
        );
      });
      req.on('error', reject);
      req.end();
    });
  }

  beforeAll(async () => {
    ctx = await startApiWithBaseData();
    await ctx.app.listen(0, '127.0.0.1');
    port = (ctx.app.getHttpServer().address() as AddressInfo).port;
  }, TEST_DATASET_TIMEOUT_MS);
  afterAll(() => ctx.close());

  it('reads every operation of the OpenAPI document here, or names it as needing the scale set', async () => {
    const { paths } = JSON.parse((await raw('/openapi.json')).body.toString());
    const read = READS.map((path) =>
      path.replace('/SEC-0001', '/{security_id}').replace('/PORT-001', '/{portfolio_id}'),
    );
    expect(Object.keys(paths).sort()).toEqual([...read, ...SCALE_SET_OPERATIONS].sort());
  });

  describe('ETag, If-None-Match and Cache-Control', () => {
    it.each(READS)(
      'GET %s: a strong ETag, no-cache, and 304 with no body when it matches',
      async (path) => {
        const first = await raw(path);
        expect(first.status).toBe(200);
        const tag = first.headers.etag as string;
        expect(tag).toMatch(/^"[^"]+"$/); // strong: no W/ prefix
        expect(first.headers['cache-control']).toBe('no-cache');
        const again = await raw(path, { 'If-None-Match': tag });
        expect(again.status).toBe(304);
        expect(again.body).toHaveLength(0);
        expect(again.headers.etag).toBe(tag);
        expect(again.headers['cache-control']).toBe('no-cache');
        // Another tag, or none, gets the full answer.
        expect((await raw(path, { 'If-None-Match': '"other"' })).status).toBe(200);
      },
    );

    it('gives different URLs different tags, and the same URL the same tag', async () => {
      const tags = await Promise.all(
        DATA_READS.map(async (path) => (await raw(path)).headers.etag),
      );
      expect(new Set(tags).size).toBe(DATA_READS.length);
      expect((await raw(DATA_READS[0])).headers.etag).toBe(tags[0]);
    });

    it('changes every data tag when the data version is bumped (a load or a generator run)', async () => {
      const before = await raw('/api/portfolios');
      await ctx.sql('SELECT bump_data_version()');
      // Workers learn the new version by LISTEN/NOTIFY: within moments.
      let after = await raw('/api/portfolios', { 'If-None-Match': before.headers.etag as string });
      for (let i = 0; i < 50 && after.status === 304; i++) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        after = await raw('/api/portfolios', { 'If-None-Match': before.headers.etag as string });
      }
      expect(after.status).toBe(200);
      expect(after.headers.etag).not.toBe(before.headers.etag);
      expect(after.body.equals(before.body)).toBe(true);
    });

    it('never stores errors', async () => {
      const missing = await raw('/api/securities/SEC-0999');
      expect(missing.status).toBe(404);
      expect(missing.headers.etag).toBeUndefined();
      expect(missing.headers['cache-control']).toBe('no-store');
    });

    it('answers HEAD like GET, without a body', async () => {
      const head = await raw('/api/securities', {}, 'HEAD');
      expect(head.status).toBe(200);
      expect(head.body).toHaveLength(0);
      expect(head.headers.etag).toBe((await raw('/api/securities')).headers.etag);
    });
  });

  describe('compression', () => {
    const big = '/api/securities?limit=120';

    it.each([
      ['gzip', gunzipSync],
      ['br', brotliDecompressSync],
    ] as const)(
      '%s: compressed body, same JSON, Vary: accept-encoding, tag per coding',
      async (coding, decode) => {
        const plain = await raw(big);
        const packed = await raw(big, { 'Accept-Encoding': coding });
        expect(packed.headers['content-encoding']).toBe(coding);
        expect(packed.headers.vary).toMatch(/accept-encoding/i);
        expect(packed.body.length).toBeLessThan(plain.body.length / 3);
        expect(JSON.parse(decode(packed.body).toString())).toEqual(
          JSON.parse(plain.body.toString()),
        );
        const tag = plain.headers.etag as string;
        expect(packed.headers.etag).toBe(`${tag.slice(0, -1)}-${coding}"`);
        // The compressed representation's tag revalidates too.
        const again = await raw(big, {
          'Accept-Encoding': coding,
          'If-None-Match': packed.headers.etag as string,
        });
        expect(again.status).toBe(304);
      },
    );

    it('leaves small bodies and clients without Accept-Encoding alone', async () => {
      const small = await raw('/api/health', { 'Accept-Encoding': 'gzip, br' });
      expect(small.headers['content-encoding']).toBeUndefined();
      expect(JSON.parse(small.body.toString()).status).toBe('ok');
      expect((await raw(big)).headers['content-encoding']).toBeUndefined();
    });
  });

  describe('CORS', () => {
    it('lets an allowed origin read the answer and its paging headers', async () => {
      const res = await raw('/api/securities?limit=5', { Origin: 'http://localhost:5173' });
      expect(res.headers['access-control-allow-origin']).toBe('http://localhost:5173');
      const exposed = String(res.headers['access-control-expose-headers']).toLowerCase();
      expect(exposed).toContain('x-total-count');
      expect(exposed).toContain('link');
      expect(res.headers.vary).toMatch(/origin/i);
    });

    it('answers a preflight for an allowed origin', async () => {
      const res = await raw(
        '/api/securities/SEC-0001',
        {
          Origin: 'http://127.0.0.1:3000',
          'Access-Control-Request-Method': 'GET',
          'Access-Control-Request-Headers': 'if-none-match',
        },
        'OPTIONS',
      );
      expect(res.status).toBe(204);
      expect(res.headers['access-control-allow-origin']).toBe('http://127.0.0.1:3000');
      expect(res.headers['access-control-allow-methods']).toContain('GET');
      expect(res.headers['access-control-allow-headers']).toContain('if-none-match');
    });

    it('gives another origin no permission', async () => {
      const res = await raw('/api/securities', { Origin: 'https://evil.example' });
      expect(res.status).toBe(200);
      expect(res.headers['access-control-allow-origin']).toBeUndefined();
    });
  });

  describe('wrong methods and unknown parameters', () => {
    it.each(DATA_READS.flatMap((path) => ['POST', 'PUT', 'PATCH', 'DELETE'].map((m) => [m, path])))(
      '%s %s is a 405 with Allow',
      async (method, path) => {
        const res = await raw(path, {}, method);
        expect(res.status).toBe(405);
        expect(res.headers.allow).toBe('GET, HEAD, OPTIONS');
        expect(JSON.parse(res.body.toString())).toMatchObject({
          statusCode: 405,
          error: 'Method Not Allowed',
        });
      },
    );

    it('keeps 404 for paths that do not exist', async () => {
      expect((await raw('/api/no-such-thing', {}, 'POST')).status).toBe(404);
      expect((await raw('/api/no-such-thing')).status).toBe(404);
    });

    it.each(READS)('GET %s?foo=bar is a 400 naming foo', async (path) => {
      const res = await raw(`${path}${path.includes('?') ? '&' : '?'}foo=bar`);
      expect(res.status).toBe(400);
      const body = JSON.parse(res.body.toString());
      expect(body).toMatchObject({ statusCode: 400, error: 'Bad Request' });
      expect(body.message).toContain('foo');
      expect(res.headers.etag).toBeUndefined();
    });

    it.each([
      '/api/variance/portfolio/PORT-001?period=2',
      '/api/health?x=1',
      '/api/portfolios?foo=bar',
    ])("%s (the issue's examples) is a 400", async (path) => {
      expect((await raw(path)).status).toBe(400);
    });

    it.each([
      ['/api/holdings?period=1.0', 'period'],
      ['/api/securities?limit=1.0', 'limit'],
      ['/api/securities?offset=1e1', 'offset'],
    ])('%s is a 400 naming %s: integers are written as integers', async (path, name) => {
      const res = await raw(path);
      expect(res.status).toBe(400);
      expect(JSON.parse(res.body.toString()).message).toContain(name);
    });
  });

  describe('paging headers', () => {
    it('links the first, previous, next and last pages of the same query', async () => {
      const res = await raw('/api/securities?security_type=EQUITY&limit=10&offset=20');
      const [{ count }] = await ctx.sql<{ count: number }>(
        `SELECT count(*)::int AS count FROM securities_master WHERE security_type = 'EQUITY'`,
      );
      expect(res.headers['x-total-count']).toBe(String(count));
      const last = Math.floor((count - 1) / 10) * 10;
      expect(res.headers.link).toBe(
        [
          '</api/securities?security_type=EQUITY&limit=10&offset=0>; rel="first"',
          '</api/securities?security_type=EQUITY&limit=10&offset=10>; rel="prev"',
          '</api/securities?security_type=EQUITY&limit=10&offset=30>; rel="next"',
          `</api/securities?security_type=EQUITY&limit=10&offset=${last}>; rel="last"`,
        ].join(', '),
      );
    });

    it('has no prev on the first page and no next on the last', async () => {
      const first = String((await raw('/api/portfolios')).headers.link ?? '');
      expect(first).toBe(''); // one page, not paged: no links at all
      const lastPage = await raw('/api/securities?limit=100&offset=100');
      expect(lastPage.headers.link).not.toContain('rel="next"');
      expect(lastPage.headers.link).toContain('rel="prev"');
    });
  });
});

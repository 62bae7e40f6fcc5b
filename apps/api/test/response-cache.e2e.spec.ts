import { TEST_DATASET_TIMEOUT_MS } from '@securities/database/testing';
import { request as httpRequest } from 'node:http';
import { AddressInfo } from 'node:net';
import { brotliDecompressSync } from 'node:zlib';
import { ApiTestContext, startApiWithData } from './api-test-context';

interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** Raw bytes and headers, as curl sees them (supertest would decode). */
function raw(port: number, path: string, headers: Record<string, string> = {}) {
  return new Promise<RawResponse>((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, path, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
      );
    });
    req.on('error', reject);
    req.end();
  });
}

const nameOf = (response: RawResponse) => JSON.parse(response.body.toString()).security_name;

/** Waits (up to 5 s) for the workers to hear of a new data version, by LISTEN/NOTIFY. */
async function eventually(check: () => Promise<boolean>): Promise<boolean> {
  for (let i = 0; i < 50; i++) {
    if (await check()) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return false;
}

async function listen(ctx: ApiTestContext): Promise<number> {
  await ctx.app.listen(0, '127.0.0.1');
  return (ctx.app.getHttpServer().address() as AddressInfo).port;
}

/**
 * The proof that an answer comes from the cache is a change the cache cannot see: the row is
 * changed in the database without a load, so the data version stays, and the cached answer
 * stays too; a version bump (what every load and generator run does) then brings the new row.
 */
describe('Response cache (API_RESPONSE_CACHE_MB, on by default)', () => {
  describe('on the base set, with the default size', () => {
    let ctx: ApiTestContext;
    let port: number;

    beforeAll(async () => {
      ctx = await startApiWithData('base');
      port = await listen(ctx);
    }, TEST_DATASET_TIMEOUT_MS);
    afterAll(() => ctx.close());

    it('answers a repeated read from the cache until the data version changes', async () => {
      const path = '/api/securities/SEC-0002';
      const original = nameOf(await raw(port, path));
      await ctx.sql(
        `UPDATE securities_master SET security_name = 'Renamed Behind The Cache' WHERE security_id = 'SEC-0002'`,
      );
      expect(nameOf(await raw(port, path))).toBe(original);
      await ctx.sql('SELECT bump_data_version()');
      expect(
        await eventually(async () => nameOf(await raw(port, path)) === 'Renamed Behind The Cache'),
      ).toBe(true);
    });

    it('replays the headers of the first answer: ETag, Cache-Control, Vary, X-Total-Count, Link', async () => {
      const path = '/api/securities?limit=2&offset=2';
      const first = await raw(port, path);
      const again = await raw(port, path);
      expect(again.status).toBe(200);
      expect(again.body.equals(first.body)).toBe(true);
      for (const header of [
        'etag',
        'cache-control',
        'vary',
        'x-total-count',
        'link',
        'content-type',
      ])
        expect([header, again.headers[header]]).toEqual([header, first.headers[header]]);
      expect(first.headers.link).toContain('rel="next"');
      expect(again.headers['x-total-count']).toBe(first.headers['x-total-count']);
    });

    it('keys by the full URL: two pages of the same list stay two answers', async () => {
      const one = JSON.parse((await raw(port, '/api/securities?limit=1&offset=0')).body.toString());
      const two = JSON.parse((await raw(port, '/api/securities?limit=1&offset=1')).body.toString());
      expect(one[0].security_id).not.toBe(two[0].security_id);
      const oneAgain = await raw(port, '/api/securities?limit=1&offset=0');
      expect(JSON.parse(oneAgain.body.toString())[0].security_id).toBe(one[0].security_id);
    });

    it('compresses a cached answer per request, with the coding suffix on its ETag', async () => {
      const path = '/api/securities?limit=50';
      const plain = await raw(port, path);
      const packed = await raw(port, path, { 'Accept-Encoding': 'br' });
      expect(packed.headers['content-encoding']).toBe('br');
      expect(brotliDecompressSync(packed.body).equals(plain.body)).toBe(true);
      expect(packed.headers.etag).toBe(`${(plain.headers.etag as string).slice(0, -1)}-br"`);
      // And a plain client after a compressed one gets plain bytes.
      const plainAgain = await raw(port, path);
      expect(plainAgain.headers['content-encoding']).toBeUndefined();
      expect(plainAgain.body.equals(plain.body)).toBe(true);
    });

    it('gives each allowed origin its own CORS answer from the same entry', async () => {
      const path = '/api/portfolios';
      const a = await raw(port, path, { Origin: 'http://localhost:3000' });
      const b = await raw(port, path, { Origin: 'http://127.0.0.1:5173' });
      expect(a.headers['access-control-allow-origin']).toBe('http://localhost:3000');
      expect(b.headers['access-control-allow-origin']).toBe('http://127.0.0.1:5173');
      expect(b.body.equals(a.body)).toBe(true);
      expect(String(b.headers.vary).toLowerCase()).toMatch(/origin/);
      expect(String(b.headers.vary).toLowerCase()).toMatch(/accept-encoding/);
    });

    it('never keeps an error: a security that appears is served at once', async () => {
      const path = '/api/securities/SEC-0999';
      expect((await raw(port, path)).status).toBe(404);
      await ctx.sql(
        `INSERT INTO securities_master
           SELECT 'SEC-0999', 'XS9999999999', NULL, NULL, 'NEW999', 'Appeared Without A Load', security_type,
                  asset_class, currency, exchange, issuer_id, issue_date, maturity_date, coupon_rate, status
           FROM securities_master WHERE security_id = 'SEC-0001'`,
      );
      const appeared = await raw(port, path);
      expect(appeared.status).toBe(200);
      expect(nameOf(appeared)).toBe('Appeared Without A Load');
    });
  });

  describe('turned off (API_RESPONSE_CACHE_MB=0)', () => {
    let ctx: ApiTestContext;
    let port: number;

    beforeAll(async () => {
      ctx = await startApiWithData('base', { environment: { API_RESPONSE_CACHE_MB: '0' } });
      port = await listen(ctx);
    }, TEST_DATASET_TIMEOUT_MS);
    afterAll(() => ctx.close());

    it('runs the query of every request: a changed row shows at once', async () => {
      const path = '/api/securities/SEC-0002';
      await raw(port, path);
      await ctx.sql(
        `UPDATE securities_master SET security_name = 'Renamed, No Cache' WHERE security_id = 'SEC-0002'`,
      );
      expect(nameOf(await raw(port, path))).toBe('Renamed, No Cache');
    });
  });

  describe('on the tiny scale set: the same URL in JSON and in CSV', () => {
    let ctx: ApiTestContext;
    let port: number;

    beforeAll(async () => {
      ctx = await startApiWithData('tiny', { readOnly: true });
      port = await listen(ctx);
    }, TEST_DATASET_TIMEOUT_MS);
    afterAll(() => ctx.close());

    it('keys by Accept: a CSV request after a JSON one of the same URL gets CSV, with its own tag', async () => {
      const path = '/api/securities/SEC-0001/ticks?from=2025-03-31T09:30&to=2025-03-31T09:31';
      const json = await raw(port, path);
      expect(json.headers['content-type']).toMatch(/application\/json/);
      expect(JSON.parse(json.body.toString())).toHaveLength(4); // 09:30:00 .. 09:31:00, every 20 s
      expect(
        String(json.headers.vary)
          .toLowerCase()
          .split(/\s*,\s*/),
      ).toContain('accept');
      await raw(port, path); // now cached
      const csv = await raw(port, path, { Accept: 'text/csv' });
      expect(csv.headers['content-type']).toMatch(/text\/csv/);
      expect(csv.body.toString().trim().split('\n')).toHaveLength(1 + 4);
      expect(csv.headers.etag).toBeDefined();
      expect(csv.headers.etag).not.toBe(json.headers.etag);
      // A client holding the JSON's tag does not get a 304 for the CSV.
      const conditional = await raw(port, path, {
        Accept: 'text/csv',
        'If-None-Match': json.headers.etag as string,
      });
      expect(conditional.status).toBe(200);
    });
  });
});

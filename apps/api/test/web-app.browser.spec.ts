import { existsSync, mkdirSync } from 'node:fs';
import { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { workspaceRoot } from '@securities/database';
import { TEST_DATASET_TIMEOUT_MS } from '@securities/database/testing';
import { Browser, chromium, Page } from 'playwright-core';
import { WEB_APP_DIR } from '../src/app/web-app/web-app.controller';
import { ApiTestContext, startApiWithData } from './api-test-context';
import { requireChromium } from './support/chromium';

/** Each page's screenshot, a test artifact (tmp/ is ignored by git). */
const SCREENSHOTS = join(workspaceRoot, 'tmp/screenshots');

/** A page of the web app, with every console error and failed request it caused. */
interface VisitedPage {
  page: Page;
  problems: string[];
}

describe('the web app in a real headless browser, over the tiny data set', () => {
  let ctx: ApiTestContext;
  let browser: Browser;
  let baseUrl: string;

  beforeAll(async () => {
    const executablePath = requireChromium();
    if (!existsSync(join(WEB_APP_DIR, 'index.html'))) {
      throw new Error(
        'This browser test needs the built web app: run npx nx run web:build (api:test does it first).',
      );
    }
    mkdirSync(SCREENSHOTS, { recursive: true });
    ctx = await startApiWithData('tiny', { readOnly: true });
    await ctx.app.listen(0, '127.0.0.1');
    baseUrl = `http://127.0.0.1:${(ctx.app.getHttpServer().address() as AddressInfo).port}`;
    browser = await chromium.launch({
      executablePath,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run'],
    });
  }, TEST_DATASET_TIMEOUT_MS);
  afterAll(async () => {
    await browser?.close();
    await ctx?.close();
  });

  /** Opens `hash`, waits until the page says it has drawn what it loaded. */
  async function visit(hash: string, pageName: string): Promise<VisitedPage> {
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    const problems: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console: ${message.text()}`);
    });
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('requestfailed', (request) =>
      problems.push(`failed: ${request.url()} ${request.failure()?.errorText}`),
    );
    page.on('response', (response) => {
      if (response.status() >= 400) problems.push(`${response.status()}: ${response.url()}`);
    });
    await page.goto(`${baseUrl}/${hash}`);
    await page.waitForSelector(`body[data-ready="${pageName}"]`, { timeout: 60_000 });
    return { page, problems };
  }

  /** Every request the page made went to the API's own origin (no CDN, no fonts from elsewhere). */
  const sameOrigin = (page: Page) =>
    page.evaluate<string[]>(
      `performance.getEntriesByType('resource').map((entry) => entry.name)
         .filter((url) => !url.startsWith(location.origin))`,
    );

  const count = async (sql: string, params: unknown[]) =>
    Number((await ctx.sql<{ n: string }>(sql, params))[0].n);

  it('serves the app at / and its assets with long caching, and 404s with a message', async () => {
    const index = await fetch(`${baseUrl}/`);
    expect(index.status).toBe(200);
    expect(index.headers.get('content-type')).toContain('text/html');
    const html = await index.text();
    const script = /src="(\/assets\/[^"]+\.js)"/.exec(html)?.[1] as string;
    const asset = await fetch(`${baseUrl}${script}`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('content-type')).toContain('javascript');
    expect(asset.headers.get('cache-control')).toContain('immutable');
    // Its hashed name, with the coding appended when the body is compressed (a strong validator per representation).
    expect(asset.headers.get('etag')?.replace(/-(gzip|br|deflate)"$/, '"')).toBe(
      `"${script.slice('/assets/'.length)}"`,
    );
    const missing = await fetch(`${baseUrl}/assets/nothing-here.js`);
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as { message: string }).message).toBe(
      'No such file in the web app: assets/nothing-here.js',
    );
    expect((await fetch(`${baseUrl}/api/health`)).status).toBe(200);
  });

  it('market: one tile per security that traded, no console errors or failed requests', async () => {
    const { page, problems } = await visit('#/market?date=2025-03-28', 'market');
    const tiles = Number(await page.getAttribute('#market-treemap', 'data-tiles'));
    expect(tiles).toBe(
      await count(
        `SELECT count(*) AS n FROM pricing_history WHERE price_date = $1 AND volume > 0`,
        ['2025-03-28'],
      ),
    );
    expect(await page.locator('aside table').first().locator('tbody tr').count()).toBe(8);
    await page.screenshot({ path: join(SCREENSHOTS, 'market.png') });
    expect(await sameOrigin(page)).toEqual([]);
    expect(problems).toEqual([]);
    await page.close();
  });

  it.each([
    ['1d', 'raw'],
    ['1h', 'split'],
    ['1w', 'all'],
  ])(
    'security: as many %s %s candles drawn as the endpoint returns for the same query',
    async (interval, adjustment) => {
      const { page, problems } = await visit(
        `#/security/SEC-0003?interval=${interval}&adjustment=${adjustment}`,
        'security',
      );
      const query = (await page.getAttribute('#price-chart', 'data-query')) as string;
      expect(query).toContain(`interval=${interval}`);
      const bars = (await ctx.api.get(query).expect(200)).body as unknown[];
      expect(bars.length).toBeGreaterThan(10);
      expect(Number(await page.getAttribute('#price-chart', 'data-candles'))).toBe(bars.length);
      if (interval === '1d') await page.screenshot({ path: join(SCREENSHOTS, 'security.png') });
      expect(problems).toEqual([]);
      await page.close();
    },
  );

  it("security: a day zoomed into shows that day's ticks with the bid/ask band", async () => {
    const { page, problems } = await visit(
      '#/security/SEC-0001?interval=1d&adjustment=raw&day=2025-03-28',
      'security',
    );
    expect(Number(await page.getAttribute('#price-chart', 'data-ticks'))).toBe(
      await count(
        `SELECT count(*) AS n FROM tick_data WHERE security_id = $1
           AND tick_time >= '2025-03-28' AND tick_time < '2025-03-29'`,
        ['SEC-0001'],
      ),
    );
    await page.screenshot({ path: join(SCREENSHOTS, 'security-ticks.png') });
    expect(problems).toEqual([]);
    await page.close();
  });

  it("portfolio: the waterfall's steps add up to the end market value shown, and to the API's", async () => {
    const from = '2025-01-15';
    const to = '2025-03-31';
    const { page, problems } = await visit(
      `#/portfolio/PORT-004?from=${from}&to=${to}`,
      'portfolio',
    );
    const steps = JSON.parse(
      (await page.getAttribute('#waterfall-chart', 'data-steps')) as string,
    ) as number[];
    expect(steps).toHaveLength(6);
    const cents = (amount: number) => Math.round(amount * 100);
    const startPlusEffects = steps.slice(0, 5).reduce((sum, step) => sum + cents(step), 0);
    const shownEnd = cents(
      Number(((await page.textContent('#waterfall-end')) as string).replace(/,/g, '')),
    );
    expect(startPlusEffects).toBe(shownEnd);
    const { summary } = (
      await ctx.api.get(`/api/variance/portfolio/PORT-004?from=${from}&to=${to}`)
    ).body;
    expect(shownEnd).toBe(cents(summary.total_mv_end));
    await page.waitForSelector('#waterfall-chart[data-drawn]');
    await page.screenshot({ path: join(SCREENSHOTS, 'portfolio.png'), fullPage: true });

    // Clicking the largest mover shows its own attribution, which adds up as well.
    const mover = page.locator('#top-movers tbody tr').first();
    const securityId = (await mover.getAttribute('data-security')) as string;
    await mover.click();
    // Matches only once the page has been drawn again for the position.
    await page.waitForSelector(
      `body[data-ready="portfolio"] #top-movers tr[aria-selected="true"][data-security="${securityId}"]`,
    );
    const own = JSON.parse(
      (await page.getAttribute('#waterfall-chart', 'data-steps')) as string,
    ) as number[];
    expect(own.slice(0, 5).reduce((sum, step) => sum + cents(step), 0)).toBe(cents(own[5]));
    expect(await page.locator('[aria-label="Variance attribution"] h2').textContent()).toMatch(
      /^Attribution of /,
    );

    // The holdings table sorts by a column and back.
    const tickers = () => page.locator('#holdings tbody td:first-child').allTextContents();
    await page.click('#holdings th:first-child button');
    const ascending = await tickers();
    expect(ascending).toEqual([...ascending].sort((a, b) => a.localeCompare(b, 'en')));
    expect(problems).toEqual([]);
    await page.close();
  });

  it('replay: ticks arrive over the WebSocket in time order, all of them, and the chart follows', async () => {
    const securities = ['SEC-0001', 'SEC-0002'];
    const from = '2025-03-31T15:50';
    const { page, problems } = await visit(
      `#/replay?securities=${securities.join(',')}&from=${from}&speed=1000`,
      'replay',
    );
    await page
      .locator('#replay-status', { hasText: /^Replay finished/ })
      .waitFor({ timeout: 60_000 });
    const chart = page.locator('#replay-chart');
    expect(await chart.getAttribute('data-in-order')).toBe('true');
    expect(Number(await chart.getAttribute('data-received'))).toBe(
      await count(
        `SELECT count(*) AS n FROM tick_data WHERE security_id = ANY($1) AND tick_time >= $2`,
        [securities, from],
      ),
    );
    await page.screenshot({ path: join(SCREENSHOTS, 'replay.png') });
    expect(problems).toEqual([]);
    await page.close();
  });
});

import { AddressInfo } from 'node:net';
import { TEST_DATASET_TIMEOUT_MS } from '@securities/database/testing';
import { chromium, Browser } from 'playwright-core';
import { ApiTestContext, startApiWithBaseData } from './api-test-context';
import { requireChromium } from './support/chromium';

describe('Swagger UI in a real headless browser', () => {
  let ctx: ApiTestContext;
  let browser: Browser;
  let baseUrl: string;

  beforeAll(async () => {
    const executablePath = requireChromium();
    ctx = await startApiWithBaseData({ readOnly: true });
    await ctx.app.listen(0, '127.0.0.1');
    baseUrl = `http://127.0.0.1:${(ctx.app.getHttpServer().address() as AddressInfo).port}`;
    browser = await chromium.launch({
      executablePath,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
  }, TEST_DATASET_TIMEOUT_MS);
  afterAll(async () => {
    await browser?.close();
    await ctx?.close();
  });

  it('shows every operation and runs one of them', async () => {
    const page = await browser.newPage();
    await page.goto(`${baseUrl}/docs`);
    await page.waitForSelector('.opblock-summary-path', { timeout: 30_000 });
    const paths = await page.$$eval('.opblock-summary-path', (nodes) =>
      nodes.map((n) => n.textContent?.replace(/\u200b/g, '')),
    );
    expect(paths.sort()).toEqual(
      [
        '/api/health',
        '/api/securities',
        '/api/securities/{security_id}',
        '/api/portfolios',
        '/api/holdings',
        '/api/variance/portfolio/{portfolio_id}',
        '/api/variance/top-movers',
        '/api/corporate-actions',
        '/api/fx-rates',
        '/api/securities/{security_id}/bars',
        '/api/securities/{security_id}/ticks',
        '/api/securities/{security_id}/snapshot',
        '/api/securities/{security_id}/indicators/{indicator}',
        '/api/securities/{security_id}/corporate-actions',
        '/api/market/daily',
        '/api/market/movers',
        '/api/portfolios/{portfolio_id}',
        '/api/portfolios/{portfolio_id}/holdings',
        '/api/portfolios/{portfolio_id}/performance',
        '/api/variance/quarterly',
        '/api/securities/{security_id}/ratings',
        '/api/risk-metrics',
      ].sort(),
    );

    // Try the health operation from the page itself.
    await page.click('#operations-health-HealthController_check .opblock-summary');
    await page.click('#operations-health-HealthController_check .try-out__btn');
    await page.click('#operations-health-HealthController_check .execute');
    await page.waitForSelector('#operations-health-HealthController_check .response .microlight', {
      timeout: 15_000,
    });
    const body = await page.textContent(
      '#operations-health-HealthController_check .responses-table .microlight',
    );
    expect(body).toContain('securities-platform');
  });

  it('runs "Try it out" on an operation with a path parameter and gets a 200', async () => {
    const page = await browser.newPage();
    await page.goto(`${baseUrl}/docs`);
    const operation = '#operations-securities-SecuritiesController_get';
    await page.waitForSelector(`${operation} .opblock-summary`, { timeout: 30_000 });
    await page.click(`${operation} .opblock-summary`);
    await page.click(`${operation} .try-out__btn`);
    const input = `${operation} tr[data-param-name="security_id"] input`;
    await page.fill(input, 'SEC-0002');
    await page.click(`${operation} .execute`);
    await page.waitForSelector(`${operation} .live-responses-table .response-col_status`, {
      timeout: 15_000,
    });
    const status = await page.textContent(
      `${operation} .live-responses-table .response .response-col_status`,
    );
    expect(status?.trim()).toBe('200');
    const requestUrl = await page.textContent(`${operation} .request-url pre`);
    expect(requestUrl).toContain('/api/securities/SEC-0002');
    const body = await page.textContent(`${operation} .live-responses-table .microlight`);
    expect(JSON.parse(body ?? '{}')).toMatchObject({ security_id: 'SEC-0002' });
  });
});

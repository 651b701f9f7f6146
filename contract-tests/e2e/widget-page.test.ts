// The widget-token flow in a real browser: headless Chromium opens examples/widget-page, which gets a widget token from
// examples/widget-token-backend.ts and calls the mock (npm start's server) with it, across origins. The page never
// holds a client secret: not in its script, not in any request it makes.
import { readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startWidgetPageDemo } from '../../examples/widget-page/serve.js';
import { describeWithBrowser, launchBrowser } from '../support/browser.js';

let browser: Browser;
let demo: Awaited<ReturnType<typeof startWidgetPageDemo>>;

describeWithBrowser('a page with a widget token', (executablePath) => {
  beforeAll(async () => {
    demo = await startWidgetPageDemo({ mock: 0, backend: 0, page: 0 });
    browser = await launchBrowser(executablePath);
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await demo?.close();
  });

  it('creates and reads its customer connector with only a widget token, and is refused what the organization does', async () => {
    const page = await browser.newPage();
    const sent: { url: string; body: string | null; headers: Record<string, string> }[] = [];
    page.on('request', (request) =>
      sent.push({ url: request.url(), body: request.postData(), headers: request.headers() }),
    );
    await page.goto(demo.url);
    await page.waitForFunction(
      () => /^(done|failed)/.test(document.querySelector('#status')?.textContent ?? ''),
      undefined,
      { timeout: 20_000 },
    );
    const status = await page.textContent('#status');
    expect(status).toMatch(/^done: 3 issues of connector [0-9a-f-]{36}; workspaces list confined \(403\)$/);
    expect(await page.locator('#result li').count()).toBe(3);

    // The connector is the customer's: in workspace customer-acme of the mock.
    const id = /connector ([0-9a-f-]{36})/.exec(status!)![1]!;
    const stored = demo.mock.service.store.connectors.get(id)!;
    expect(demo.mock.service.store.workspaces.get(stored.workspaceId)!.name).toBe('customer-acme');

    // No secret in the browser: not in the script it ran, not in what it sent; its API calls carry a bearer only.
    const secret = demo.mock.service.config.clientSecret;
    const script = readFileSync(new URL('../../examples/widget-page/dist/page.js', import.meta.url), 'utf8');
    expect(script).not.toContain(secret);
    for (const request of sent)
      expect(`${request.url} ${request.body ?? ''} ${JSON.stringify(request.headers)}`).not.toContain(secret);
    const apiCalls = sent.filter((r) => r.url.startsWith(demo.mock.url) && r.url.includes('/api/v1/'));
    expect(apiCalls.length).toBeGreaterThanOrEqual(3);
    expect(apiCalls.some((r) => r.url.endsWith('/account/applications/token'))).toBe(false);
    await page.close();
  }, 30_000);
});

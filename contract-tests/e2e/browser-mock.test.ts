// The mock in a real browser: headless Chromium (the browser support/browser.ts finds, driven by playwright-core)
// opens a page whose client talks to the MSW service worker, and the page shows the connector and issues that came
// back.
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeWithBrowser, launchBrowser } from '../support/browser.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
let browser: Browser;
let demo: { origin: string; close: () => Promise<void> };

describe("the mock's service worker script", () => {
  it('the worker script in mocks/public is the one of the installed msw', () => {
    expect(readFileSync(join(root, 'mocks/public/mockServiceWorker.js'), 'utf8')).toBe(
      readFileSync(join(root, 'node_modules/msw/lib/mockServiceWorker.js'), 'utf8'),
    );
  });
});

describeWithBrowser('the mock in headless Chromium', (executablePath) => {
  beforeAll(async () => {
    // Served as `npm run demo:browser` serves it.
    const { serveBrowserDemo } = await import(pathToFileURL(join(root, 'scripts/serve-browser-demo.mjs')).href);
    demo = await serveBrowserDemo(0);
    browser = await launchBrowser(executablePath);
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await demo?.close();
  });

  it('serves the client from a service worker: catalog, a new connector, its issues; widget tokens by the page origin', async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(String(error)));
    await page.goto(demo.origin);
    await page.waitForFunction(
      () => /^(done|failed)/.test(document.querySelector('#status')?.textContent ?? ''),
      undefined,
      { timeout: 30_000 },
    );
    const status = await page.textContent('#status');
    expect(status).toMatch(
      /^done: GitHub connector [0-9a-f-]{36}, 5 issues; widget token 200 here, 403 from another origin$/,
    );
    const issues = await page.$$eval('#result li', (items) => items.map((item) => item.textContent));
    expect(issues).toHaveLength(5);
    expect(issues[0]).toMatch(/^#\d+ /);
    await page.screenshot({ path: join(tmpdir(), 'agent-engine-kit-browser-mock.png') });
    expect(errors).toEqual([]);
  }, 60_000);
});

// npm run docs: the static API reference, opened in headless Chromium (the browser support/browser.ts finds, driven
// by playwright-core), lists every operation of each spec; a screenshot is saved beside it.
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { SPEC_NAMES, listOperations, loadSpec } from '../../mocks/spec.js';
import { describeWithBrowser } from '../support/browser.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
let browser: Browser;
let pages: { name: string; path: string }[];

describeWithBrowser('the API reference page', (executablePath) => {
  beforeAll(async () => {
    const { buildDocs } = await import(pathToFileURL(join(root, 'scripts/build-docs.mjs')).href);
    pages = buildDocs();
    browser = await chromium.launch({
      executablePath,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
  });

  it.each(SPEC_NAMES)('%s: every operation is listed', async (name) => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(String(error)));
    await page.goto(pathToFileURL(pages.find((p) => p.name === name)!.path).href);
    await page.waitForSelector('h2', { timeout: 30_000 });
    // The side menu lists a tag's operations while the tag is open (one at a time): read it tag by tag.
    let text = await page.evaluate(() => document.body.innerText);
    const operations = listOperations(loadSpec(name));
    for (const tag of loadSpec(name).tags as { name: string }[]) {
      await page.getByText(tag.name, { exact: true }).first().click();
      // Wait for the menu to open rather than for a fixed time: under load it takes a while.
      const expected = operations.filter((op) => (op.operation.tags as string[] | undefined)?.[0] === tag.name).map((op) => op.operation.summary as string);
      await page
        .waitForFunction((summaries) => {
          const menu = document.querySelector('nav, [role="navigation"], aside')?.textContent ?? document.body.innerText;
          return summaries.every((summary) => menu.includes(summary));
        }, expected, { timeout: 10_000 })
        .catch(() => undefined); // what is still missing then is reported below, by summary
      text += await page.evaluate(() => document.querySelector('nav, [role="navigation"], aside')?.textContent ?? document.body.innerText);
    }
    await page.screenshot({ path: join(root, 'docs/site', `${name}.png`) });
    const summaries = listOperations(loadSpec(name)).map((op) => op.operation.summary as string);
    expect(summaries.filter((summary) => !text.includes(summary))).toEqual([]);
    expect(text).toContain(loadSpec(name).info.title);
    expect(errors).toEqual([]);
  }, 60_000);
});

// npm run docs: the documentation site, built once and opened in headless Chromium (the browser support/browser.ts
// finds, via playwright-core). The landing page loads nothing from elsewhere and links to the three references and the
// guides; every link of every page, the landing page's too, leads to a file of the site (read from the files, without a
// browser); each API reference is built from its spec, every operation in it, and Redoc renders it and opens a tag to
// its operations (a screenshot is saved beside it); the TypeScript client's reference shows the main entry points with
// their doc comments. No page may request anything from elsewhere. A browser costs seconds of CPU per page (Redoc's
// alone takes four on this machine's 2 cores), so the pages are opened directly, once each, in one browser context, and
// TypeDoc's pages other than its front page with scripts off (their text is written at build time).
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeWithBrowser, launchBrowser } from '../support/browser.js';
import { SPEC_NAMES, listOperations, loadSpec } from '../../mocks/spec.js';

const root = fileURLToPath(new URL('../..', import.meta.url));

interface BuiltSite {
  /** The pages copied from the last build's (Redocly's and TypeDoc's), whose inputs had not changed. */
  reused: string[];
  index: string;
  /** The markdown pages: the guides (docs/guides/), the README, the benchmark tables, CONTRIBUTING.md. */
  pages: { source: string; page: string; title: string; guide: boolean; path: string }[];
  apis: { name: string; title: string; file: string; path: string }[];
  client: { path: string; modules: { name: string; page: string; path: string }[] };
}

let browser: Browser;
let context: BrowserContext;
let staticContext: BrowserContext;
let site: BuiltSite;

describeWithBrowser('the documentation site', (executablePath) => {
  beforeAll(async () => {
    const { buildDocs } = await import(pathToFileURL(join(root, 'scripts/build-docs.mjs')).href);
    [site, browser] = await Promise.all([buildDocs() as Promise<BuiltSite>, launchBrowser(executablePath)]);
    if (site.reused.length > 0)
      console.log(`docs build: unchanged since the last build, copied: ${site.reused.join(', ')}`);
    // One context for every page: a context of its own per page costs about a second of CPU each.
    context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    staticContext = await browser.newContext({ viewport: { width: 1400, height: 900 }, javaScriptEnabled: false });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
  });

  /** A page that records every URL it requests and every script error it meets. */
  async function openPage(
    within: BrowserContext = context,
  ): Promise<{ page: Page; requests: string[]; errors: string[] }> {
    const page = await within.newPage();
    const requests: string[] = [];
    const errors: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    page.on('pageerror', (error) => errors.push(String(error)));
    return { page, requests, errors };
  }

  /**
   * Follows the link to `href` of the page open in `page`, as a reader would. The other pages are opened by their path:
   * that every link of the landing page leads to them is checked from the files.
   */
  async function follow(page: Page, href: string): Promise<void> {
    const from = page.url();
    await page.locator(`a[href="${href}"]`).first().click();
    await page.waitForURL(new URL(href, from).href, { waitUntil: 'domcontentloaded' });
  }

  /** The page of the site at `path` (relative to docs/site/). */
  const siteUrl = (path: string) => new URL(path, pathToFileURL(site.index)).href;

  /**
   * The site is opened from disk: anything it asks for that is not one of its files, inline data or an object a page
   * made itself (Redoc starts its workers from blob: URLs) came from elsewhere.
   */
  const fromElsewhere = (urls: string[]) => urls.filter((url) => !/^(file|data|blob):/.test(url));

  describe('the landing page', () => {
    it('is self-contained, says what the kit is, shows the quick start, and links to the references and the guides', async () => {
      const html = readFileSync(site.index, 'utf8');
      // Every src and href is a path in the site, an anchor or inline data: nothing a browser would fetch from a host.
      const addresses = [...html.matchAll(/\s(?:src|href)="([^"]*)"/g)].map((m) => m[1]!);
      expect(
        addresses.filter((address) => /^[a-z][a-z0-9+.-]*:/i.test(address) && !address.startsWith('data:')),
      ).toEqual([]);
      expect(html).not.toMatch(/@import|url\(\s*['"]?(?!data:)/);
      const { page, requests, errors } = await openPage();
      await page.goto(pathToFileURL(site.index).href, { waitUntil: 'load' });
      await page.waitForLoadState('networkidle');
      const text = await page.evaluate(() => document.body.innerText);
      expect(text).toContain("Airbyte's Agent Engine API");
      for (const command of [
        'npm install',
        'npm start',
        'npm run example',
        'createAgentEngineClient(',
        'client.definitions.listSources(',
      ])
        expect(text).toContain(command);
      await page.screenshot({ path: join(root, 'docs/site', 'index.png') });
      const hrefs = await page.$$eval('a[href]', (links) => links.map((link) => link.getAttribute('href')));
      expect(hrefs).toEqual(
        expect.arrayContaining([
          ...site.apis.map((api) => api.file),
          'client/index.html',
          ...site.client.modules.map((m) => m.page),
          ...site.pages.filter((p) => p.guide).map((p) => p.page),
        ]),
      );
      // The other tests open those pages by their path; this one follows a link as a reader does, to the client
      // reference's own front page.
      await follow(page, 'client/index.html');
      expect(await page.title()).toBe('agent-engine-kit');
      for (const module of site.client.modules)
        await expect.poll(() => page.locator('.col-content').innerText()).toContain(module.name);
      expect(fromElsewhere(requests)).toEqual([]);
      expect(errors).toEqual([]);
      await page.close();
    });
  });

  describe('the guides', () => {
    it('each guide of docs/guides/ is a page linked from the landing page; every page has the navigation of all', async () => {
      const guides = readdirSync(join(root, 'docs', 'guides')).filter((name) => name.endsWith('.md'));
      expect(
        site.pages
          .filter((p) => p.guide)
          .map((p) => p.source)
          .sort(),
      ).toEqual(guides.map((name) => `docs/guides/${name}`).sort());
      const index = readFileSync(site.index, 'utf8');
      for (const guide of site.pages.filter((p) => p.guide)) expect(index).toContain(`href="${guide.page}"`);
      for (const page of site.pages) {
        const html = readFileSync(page.path, 'utf8');
        for (const other of site.pages)
          expect(html, `${page.page} links ${other.page}`).toContain(
            `href="${relative(dirname(page.page), other.page)}"`,
          );
        expect(html).toContain('aria-current="page"');
      }
    });

    it('every link of every page, the landing page too, leads to a file of the site, and an anchor to an id on that page', () => {
      const ids = (file: string) =>
        new Set([...readFileSync(file, 'utf8').matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]!));
      let checked = 0;
      for (const page of [...site.pages, { page: 'index.html', path: site.index }]) {
        const html = readFileSync(page.path, 'utf8');
        for (const [, href] of html.matchAll(/\s(?:href|src)="([^"]*)"/g)) {
          if (/^[a-z][a-z0-9+.-]*:/i.test(href!)) continue; // https links leave the site on a click only; data: inline
          const [path, anchor] = href!.split('#');
          const target = path === '' ? page.path : join(dirname(page.path), path!);
          expect(existsSync(target), `${page.page}: ${href}`).toBe(true);
          if (anchor && target.endsWith('.html') && target.includes(`${join('docs', 'site', 'guides')}`))
            expect(ids(target).has(decodeURIComponent(anchor)), `${page.page}: ${href}`).toBe(true);
          checked++;
        }
      }
      expect(checked).toBeGreaterThan(100);
    });

    it('opens, requests nothing from elsewhere, and its navigation and anchors land on their pages and headings', async () => {
      const { page, requests, errors } = await openPage();
      const verification = site.pages.find((p) => p.source === 'docs/guides/contract-verification.md')!;
      await page.goto(siteUrl(verification.page));
      expect(await page.title()).toBe('Contract verification: agent-engine-kit');
      await page.locator('nav.guides a', { hasText: 'The command line' }).click();
      await page.locator('article a[href="contract-verification.html#verify-live-traffic"]').first().click();
      await expect.poll(() => page.evaluate(() => location.hash)).toBe('#verify-live-traffic');
      expect(await page.locator('#verify-live-traffic').innerText()).toBe('Verify live traffic');
      expect(fromElsewhere(requests)).toEqual([]);
      expect(errors).toEqual([]);
      await page.close();
    });
  });

  /** The spec a Redoc page was built from: the definition build-docs embeds in it, which the page renders. */
  function embeddedDefinition(file: string): { info: { title: string }; paths: Record<string, Record<string, any>> } {
    const html = readFileSync(file, 'utf8');
    const start = html.indexOf('const __redoc_definition = ');
    const end = html.indexOf(';\n', start);
    expect(start, `${file}: the embedded definition`).toBeGreaterThan(-1);
    return JSON.parse(html.slice(start + 'const __redoc_definition = '.length, end));
  }

  describe('the API reference page', () => {
    it.each(SPEC_NAMES)(
      '%s: is built from its spec, every operation in it; Redoc renders it, a tag opens to its operations, nothing is requested from elsewhere',
      async (name) => {
        const spec = loadSpec(name);
        const api = site.apis.find((p) => p.name === name)!;
        // Every operation of the spec, by method, path, id and summary, is in the page (Redoc lists an operation in the
        // side menu once its tag is opened, one tag at a time: the menu is opened below for one tag, not for all).
        const operationsOf = (paths: Record<string, Record<string, any>>) =>
          listOperations({ paths } as unknown as Parameters<typeof listOperations>[0])
            .map((op) => `${op.method} ${op.path} ${op.operation.operationId} ${op.operation.summary}`)
            .sort();
        const embedded = embeddedDefinition(api.path);
        expect(embedded.info.title).toBe(spec.info.title);
        expect(operationsOf(embedded.paths)).toEqual(operationsOf(spec.paths as Record<string, Record<string, any>>));

        const { page, requests, errors } = await openPage();
        await page.goto(siteUrl(api.file));
        await page.waitForSelector('h2', { timeout: 30_000 });
        expect(await page.title()).toBe(spec.info.title);
        const tag = (spec.tags as { name: string }[])[0]!.name;
        const summaries = listOperations(spec)
          .filter((op) => (op.operation.tags as string[] | undefined)?.[0] === tag)
          .map((op) => op.operation.summary as string);
        expect(summaries.length).toBeGreaterThan(0);
        await page.getByText(tag, { exact: true }).first().click();
        // What the menu shows of them, polled: under load Redoc takes a while to open it.
        const missing = async () => {
          const menu = await page.evaluate(
            () => document.querySelector('nav, [role="navigation"], aside')?.textContent ?? document.body.innerText,
          );
          return summaries.filter((summary) => !menu.includes(summary));
        };
        await expect.poll(missing, { timeout: 10_000 }).toEqual([]);
        await page.screenshot({ path: join(root, 'docs/site', `${name}.png`) });
        // Redoc's attribution logo is on a CDN; build-docs inlines it (this is where the site used to fetch a badge).
        expect(fromElsewhere(requests)).toEqual([]);
        // Redoc 3 would send telemetry from the reader's browser some time after the page opens (so a request count
        // alone can miss it): the page is built with it off (`telemetry: off` in redocly.yaml).
        expect(readFileSync(api.path, 'utf8')).toContain('"disableTelemetry":true');
        expect(errors).toEqual([]);
        await page.close();
      },
      60_000,
    );
  });

  /**
   * The summary of a declaration's doc comment (the text before its first tag) as a reader sees it rendered: Markdown's
   * code spans and links reduced to their text, white space collapsed.
   */
  function docSummary(file: string, name: string): string {
    const source = ts.createSourceFile(file, readFileSync(join(root, file), 'utf8'), ts.ScriptTarget.Latest, true);
    const declaration = source.statements.find(
      (statement): statement is ts.FunctionDeclaration | ts.ClassDeclaration =>
        (ts.isFunctionDeclaration(statement) || ts.isClassDeclaration(statement)) && statement.name?.text === name,
    );
    const comment = declaration && ts.getJSDocCommentsAndTags(declaration).find(ts.isJSDoc)?.comment;
    if (!comment) throw new Error(`${file}: ${name} has no doc comment`);
    const text = typeof comment === 'string' ? comment : comment.map((part) => part.text).join('');
    return text
      .replace(/`([^`]*)`/g, '$1')
      .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
      .replace(/\s+/g, ' ')
      .trim();
  }

  describe("the TypeScript client's reference", () => {
    it.each([
      {
        module: 'agent-engine-kit',
        declarations: [
          { name: 'createAgentEngineClient', file: 'src/client.ts' },
          { name: 'createAirbyteApiClient', file: 'src/airbyte-api-v1.ts' },
          { name: 'AgentEngineError', file: 'src/core/errors.ts' },
        ],
      },
      { module: 'agent-engine-kit/mock', declarations: [{ name: 'setupMockServer', file: 'mocks/node.ts' }] },
    ])(
      '$module: lists its main declarations, whose pages show their doc comments',
      async ({ module, declarations }) => {
        // TypeDoc's pages are HTML made at build time; its script adds the navigation tree and search, which cost a
        // second of CPU on every page load and which the landing page's test runs once (client/index.html). Here the
        // pages are read with scripts off, as they are written.
        const { page, requests, errors } = await openPage(staticContext);
        const modulePage = siteUrl(site.client.modules.find((m) => m.name === module)!.page);
        await page.goto(modulePage);
        for (const { name, file } of declarations) {
          if (page.url() !== modulePage) await page.goBack();
          expect(await page.title(), name).toBe(`${module} | agent-engine-kit`);
          // The module's own page (not the navigation tree beside it) links to the declaration.
          await page.locator('.col-content').getByRole('link', { name, exact: true }).first().click();
          await page.waitForLoadState('domcontentloaded');
          await expect.poll(() => page.locator('h1').innerText(), { message: name }).toContain(name);
          const text = (await page.locator('.col-content').innerText()).replace(/\s+/g, ' ');
          expect(text, name).toContain(docSummary(file, name));
        }
        expect(fromElsewhere(requests)).toEqual([]);
        expect(errors).toEqual([]);
        await page.close();
      },
      30_000,
    );
  });
});

describe('the documentation build', () => {
  it('runs Redocly and TypeDoc again only when what they read changed, and copies their last pages otherwise', async () => {
    const { filesBelow, inputsKey } = await import(pathToFileURL(join(root, 'scripts/inputs-key.mjs')).href);
    const base = `${mkdtempSync(join(tmpdir(), 'agent-engine-kit-docs-key-'))}/`;
    try {
      const write = (file: string, text: string) => {
        mkdirSync(dirname(join(base, file)), { recursive: true });
        writeFileSync(join(base, file), text);
      };
      write('src/a.ts', 'export const a = 1;\n');
      write('src/nested/b.ts', 'export const b = 2;\n');
      write('src/demo/c.ts', 'export const c = 3;\n');
      write('typedoc.json', '{}');
      const files = () => filesBelow(['src', 'typedoc.json', 'missing.json'], { skip: ['src/demo'], base });
      const key = () => inputsKey(files(), ['typedoc'], { base });
      expect(files()).toEqual(['src/a.ts', 'src/nested/b.ts', 'typedoc.json']);
      const first = key();
      expect(key()).toBe(first);
      // What the tool does not read changes nothing.
      write('src/demo/c.ts', 'export const c = 4;\n');
      expect(key()).toBe(first);
      // A source or an option it reads, a file more, a file moved: each is built again.
      write('src/nested/b.ts', 'export const b = 3;\n');
      expect(key()).not.toBe(first);
      write('src/nested/b.ts', 'export const b = 2;\n');
      expect(key()).toBe(first);
      write('typedoc.json', '{"name":"x"}');
      expect(key()).not.toBe(first);
      write('typedoc.json', '{}');
      write('src/d.ts', '');
      expect(key()).not.toBe(first);
      rmSync(join(base, 'src/d.ts'));
      write('src/e.ts', readFileSync(join(base, 'src/a.ts'), 'utf8'));
      rmSync(join(base, 'src/a.ts'));
      expect(key()).not.toBe(first);
    } finally {
      rmSync(base, { recursive: true, force: true });
    }
  });
  it("puts back the outputs of the last run with the same key instead of running again, and keeps only that run's", async () => {
    const { reusing } = await import(pathToFileURL(join(root, 'scripts/inputs-key.mjs')).href);
    const base = `${mkdtempSync(join(tmpdir(), 'agent-engine-kit-reusing-'))}/`;
    try {
      const folder = `${base}cache/step`;
      let runs = 0;
      const produce = async () => {
        runs += 1;
        mkdirSync(`${base}out/site`, { recursive: true });
        writeFileSync(`${base}out/site/page.html`, `run ${runs}`);
        writeFileSync(`${base}out/ref.html`, `ref ${runs}`);
      };
      const step = (key: string) =>
        reusing({ folder, key, base, outputs: () => ['out/site', 'out/ref.html'], produce });
      expect(await step('a')).toBe(false);
      // The outputs changed or lost meanwhile, a stale file among them: the same key puts back what the run wrote.
      writeFileSync(`${base}out/site/page.html`, 'edited');
      writeFileSync(`${base}out/site/stale.html`, 'stale');
      rmSync(`${base}out/ref.html`);
      expect(await step('a')).toBe(true);
      expect(runs).toBe(1);
      expect(readdirSync(`${base}out/site`)).toEqual(['page.html']);
      expect(readFileSync(`${base}out/site/page.html`, 'utf8')).toBe('run 1');
      expect(readFileSync(`${base}out/ref.html`, 'utf8')).toBe('ref 1');
      // Another key runs the step, and only its outputs are kept from then on.
      expect(await step('b')).toBe(false);
      expect(runs).toBe(2);
      expect(readdirSync(folder)).toEqual(['b']);
      expect(await step('a')).toBe(false);
      expect(runs).toBe(3);
    } finally {
      rmSync(base, { recursive: true, force: true });
    }
  });
});

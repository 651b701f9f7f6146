#!/usr/bin/env node
// npm run docs: the kit's documentation site in docs/site/, which opens offline and loads nothing from the network.
// - <api>.html: a static HTML reference of every spec in redocly.yaml (Redocly's build-docs, Redoc's scripts inlined);
// - client/: the reference of the TypeScript client's public entry points (TypeDoc, configured by typedoc.json);
// - index.html: a landing page, with its CSS inline, that says what the kit is, links the guides and the three
//   references and shows the quick start (the commands are read from README.md, so that the two cannot drift apart);
// - guides/: the guides of docs/guides/, the README, the benchmark tables and CONTRIBUTING.md as HTML (markdown-it),
//   each with a navigation of all of them; their links between each other lead to the site's pages, headings keep
//   GitHub's anchors, and a link to anything the site does not have fails the build.
// The three builds are separate processes that run side by side, so that the whole takes about as long as TypeDoc.
// What Redocly and TypeDoc write is kept (node_modules/.cache/agent-engine-kit/docs/) under a key of everything they
// read; a build whose inputs are what they were at the last build copies their pages back instead of running them.
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { posix } from 'node:path';
import { fileURLToPath } from 'node:url';
import { load } from 'js-yaml';
import MarkdownIt from 'markdown-it';
import { filesBelow, inputsKey, reusing } from './inputs-key.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const site = `${root}docs/site`;
const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

/**
 * The public entry points of the package, as TypeDoc names their pages (each entry file's `@module` tag, with the
 * slash turned into an underscore). build-docs fails when one of them is missing, rather than link to nothing.
 */
const CLIENT_MODULES = [
  {
    name: 'agent-engine-kit',
    page: 'client/modules/agent-engine-kit.html',
    what: 'the clients, their errors and the API types',
  },
  {
    name: 'agent-engine-kit/validation',
    page: 'client/modules/agent-engine-kit_validation.html',
    what: 'response validation against the specs',
  },
  {
    name: 'agent-engine-kit/agent',
    page: 'client/modules/agent-engine-kit_agent.html',
    what: 'the connectors as tools for AI agents',
  },
  {
    name: 'agent-engine-kit/ai-sdk',
    page: 'client/modules/agent-engine-kit_ai-sdk.html',
    what: 'the agent tools for the Vercel AI SDK',
  },
  {
    name: 'agent-engine-kit/openai-agents',
    page: 'client/modules/agent-engine-kit_openai-agents.html',
    what: 'the agent tools for the OpenAI Agents SDK',
  },
  {
    name: 'agent-engine-kit/mock',
    page: 'client/modules/agent-engine-kit_mock.html',
    what: 'the stateful mock for Node tests and servers',
  },
];

function run(command, args) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0
        ? resolve(output)
        : reject(new Error(`${command} ${args.join(' ')} failed (exit ${code}):\n${output}`)),
    );
  });
}

/** Where the pages of the last Redocly and TypeDoc runs are kept, each under the key of what it read. */
const CACHE = `${root}node_modules/.cache/agent-engine-kit/docs`;

// Redoc's side menu ends with an "API docs by Redocly" attribution whose logo is an image on Redocly's CDN, fetched
// whenever a reference opens (build-docs has no option to leave it out). The attribution stays; its logo becomes an
// inline SVG of the name, so that the page requests nothing from the network.
const svgData = (svg) => `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
const logoText = (width, text) =>
  svgData(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="16" viewBox="0 0 ${width} 16">` +
      `<text x="0" y="12.5" font-family="system-ui, sans-serif" font-size="12" font-weight="600" fill="#8a8f99">${text}</text></svg>`,
  );
const REDOC_CDN_IMAGES = {
  'https://cdn.redoc.ly/redoc/logo-mini-full.svg': logoText(52, 'Redocly'),
  'https://cdn.redoc.ly/redoc/logo-mini.svg': logoText(10, 'R'),
};

function inlineRedocImages(file) {
  let html = readFileSync(file, 'utf8');
  for (const [url, data] of Object.entries(REDOC_CDN_IMAGES)) html = html.replaceAll(url, data);
  writeFileSync(file, html);
}

const escapeHtml = (text) =>
  String(text).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);

/** The fenced code blocks of one `## ` section of README.md, in order, with their language. */
function readmeCodeBlocks(readme, heading) {
  const start = readme.indexOf(`\n## ${heading}\n`);
  if (start === -1) throw new Error(`README.md has no "## ${heading}" section`);
  const end = readme.indexOf('\n## ', start + 1);
  const section = readme.slice(start, end === -1 ? undefined : end);
  return [...section.matchAll(/```(\w*)\n([\s\S]*?)```/g)].map((m) => ({ lang: m[1], code: m[2].replace(/\n$/, '') }));
}

/**
 * A code block as HTML, its comments set apart: a shell line's `# ...` after the command, and TypeScript lines that
 * are comments from their start (a `//` inside a string, as in a URL, is left alone).
 */
function codeBlock(lang, code) {
  const lines = code.split('\n').map((line) => {
    if (lang === 'sh') {
      const at = line.search(/\s#\s/);
      return at === -1
        ? escapeHtml(line)
        : `${escapeHtml(line.slice(0, at))}<span class="c">${escapeHtml(line.slice(at))}</span>`;
    }
    return /^\s*\/\//.test(line) ? `<span class="c">${escapeHtml(line)}</span>` : escapeHtml(line);
  });
  return `<pre><code class="language-${lang}">${lines.join('\n')}</code></pre>`;
}

// The first call of the landing page's quick start: the README's first request (the connector catalog), made against
// `npm start`'s mock with the demo credentials its banner prints, so that it works as pasted.
const FIRST_CALL = `import { createAgentEngineClient } from 'agent-engine-kit';

// npm start's mock, with the demo credentials it prints on start-up.
const client = createAgentEngineClient({
  baseUrl: 'http://127.0.0.1:4010',
  clientId: 'demo-client-id',
  clientSecret: 'demo-client-secret',
});

// The application token is requested on this first call, and shared and refreshed from then on.
const { definitions } = await client.definitions.listSources({ name: 'github' });
console.log(definitions.map((definition) => definition.name));`;

const LANDING_CSS = `
  :root {
    color-scheme: light dark;
    --bg: #f7f8fa; --fg: #1c2430; --muted: #5a6472; --card: #ffffff; --line: #dde2e8;
    --accent: #5b3cc4; --accent-soft: #efeafd; --code-bg: #1e2330; --code-fg: #e6e9ef; --code-comment: #8d96a8;
  }
  @media (prefers-color-scheme: dark) {
    :root {
      --bg: #12151b; --fg: #e4e7ec; --muted: #9aa3b1; --card: #1a1e26; --line: #2c323d;
      --accent: #a893f5; --accent-soft: #251f3d; --code-bg: #0c0f14;
    }
  }
  * { box-sizing: border-box; }
  body {
    margin: 0; background: var(--bg); color: var(--fg);
    font: 16px/1.55 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
  }
  .wrap { max-width: 60rem; margin: 0 auto; padding: 0 1.25rem; }
  header { border-bottom: 1px solid var(--line); background: var(--card); }
  header .wrap { padding-top: 2.5rem; padding-bottom: 2rem; }
  .eyebrow { margin: 0 0 .5rem; color: var(--muted); font-size: .9rem; letter-spacing: .02em; }
  .eyebrow code { color: var(--accent); font-weight: 600; }
  h1 { margin: 0 0 .75rem; font-size: clamp(1.6rem, 3.5vw, 2.25rem); line-height: 1.2; }
  .lede { margin: 0; max-width: 46rem; color: var(--muted); font-size: 1.05rem; }
  main .wrap { padding-top: 1rem; padding-bottom: 3rem; }
  h2 { margin: 2.25rem 0 1rem; font-size: 1.3rem; }
  h3 { margin: 0 0 .35rem; font-size: 1.08rem; }
  a { color: var(--accent); }
  code { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", monospace; font-size: .92em; }
  .cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(16rem, 1fr)); gap: 1rem; margin: 0; padding: 0; list-style: none; }
  .card { padding: 1.1rem 1.2rem; border: 1px solid var(--line); border-radius: .6rem; background: var(--card); }
  .card:hover { border-color: var(--accent); }
  .card h3 a { text-decoration: none; }
  .card h3 a:hover { text-decoration: underline; }
  .card p { margin: .25rem 0 0; color: var(--muted); font-size: .93rem; }
  .card ul { margin: .5rem 0 0; padding-left: 1.1rem; font-size: .93rem; color: var(--muted); }
  .meta { display: inline-block; margin-bottom: .35rem; padding: .05rem .5rem; border-radius: 1rem; background: var(--accent-soft); color: var(--accent); font-size: .8rem; }
  dl.parts { display: grid; grid-template-columns: max-content 1fr; gap: .45rem 1.25rem; margin: 0; }
  dl.parts dt { font-weight: 600; }
  dl.parts dd { margin: 0; color: var(--muted); }
  ol.steps { margin: 0; padding-left: 1.25rem; }
  ol.steps > li { margin-bottom: 1.25rem; }
  ol.steps > li > p { margin: 0 0 .5rem; }
  pre { margin: 0; padding: .9rem 1rem; overflow-x: auto; border-radius: .5rem; background: var(--code-bg); color: var(--code-fg); line-height: 1.45; }
  pre code { font-size: .88rem; }
  pre .c { color: var(--code-comment); }
  footer { border-top: 1px solid var(--line); color: var(--muted); font-size: .85rem; }
  footer .wrap { padding-top: 1.25rem; padding-bottom: 2rem; }
  @media (max-width: 36rem) { dl.parts { grid-template-columns: 1fr; } dl.parts dd { margin-bottom: .5rem; } }
`;

/** The landing page: all of it inline (styles, no scripts, an empty icon), so that opening it requests nothing more. */
function landingPage({ version, apis, guides, readme }) {
  const blocks = readmeCodeBlocks(readme, 'Quick start').filter((block) => block.lang === 'sh');
  const install = blocks.find((block) => block.code.includes('npm install') && block.code.includes('npm start'));
  const example = blocks.find((block) => block.code.includes('npm run example'));
  if (!install || !example)
    throw new Error(
      "README.md's Quick start no longer has the npm install / npm start and npm run example blocks this page shows",
    );
  const apiCards = apis
    .map(
      (api) => `        <li class="card">
          <span class="meta">v${escapeHtml(api.version)} · ${api.operations} operations</span>
          <h3><a href="${api.file}">${escapeHtml(api.title)}</a></h3>
          <p>The HTTP reference of <code>${escapeHtml(api.root)}</code>: every operation, its parameters, bodies, responses and errors.</p>
        </li>`,
    )
    .join('\n');
  const modules = CLIENT_MODULES.map(
    (m) => `            <li><a href="${m.page}"><code>${m.name}</code></a>: ${m.what}</li>`,
  ).join('\n');
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>agent-engine-kit: documentation</title>
    <meta name="description" content="A spec-first TypeScript kit for Airbyte's Agent Engine API: the API references, the client reference and a quick start." />
    <link rel="icon" href="data:," />
    <style>${LANDING_CSS}</style>
  </head>
  <body>
    <header>
      <div class="wrap">
        <p class="eyebrow"><code>agent-engine-kit</code> ${escapeHtml(version)}</p>
        <h1>A spec-first TypeScript kit for Airbyte's Agent Engine API</h1>
        <p class="lede">
          One hand-maintained OpenAPI 3.1 spec per API (the Agent Engine API, and the Embedded endpoints of the Airbyte
          API) and, made from it, generated types, a typed client, a stateful mock and contract tests that hold all of
          them to the spec.
        </p>
      </div>
    </header>
    <main>
      <div class="wrap">
        <h2 id="guides">Guides</h2>
        <ul class="cards">
${guides.map((g) => `          <li class="card"><h3><a href="${g.page}">${escapeHtml(g.title)}</a></h3></li>`).join('\n')}
        </ul>

        <h2 id="references">References</h2>
        <ul class="cards">
${apiCards}
          <li class="card">
            <span class="meta">TypeScript · ${CLIENT_MODULES.length} entry points</span>
            <h3><a href="client/index.html">TypeScript client</a></h3>
            <p>Every exported function, class and type of the package, with its doc comments:</p>
            <ul>
${modules}
            </ul>
          </li>
        </ul>

        <h2 id="kit">What is in the kit</h2>
        <dl class="parts">
          <dt>Specs</dt><dd>OpenAPI 3.1 of both APIs, linted with zero warnings; what the public material leaves unsaid is marked <code>x-inferred</code>.</dd>
          <dt>Types</dt><dd>Generated from the specs by openapi-typescript and checked to be up to date by the tests.</dd>
          <dt>Client</dt><dd>Typed helpers for every operation on openapi-fetch: tokens minted and refreshed for you, retries, timeouts, typed errors with secrets scrubbed, paging, typed connectors.</dd>
          <dt>Mock</dt><dd>A stateful mock of every operation, in process, as an HTTP server (<code>npm start</code>) or in a browser; Prism from the same specs.</dd>
          <dt>Contract tests</dt><dd>One suite of cases against the mocks, Prism and the real API, every answer checked against the spec.</dd>
          <dt>Command line</dt><dd><code>agent-engine-kit mock</code>, <code>prism</code> and <code>verify &lt;base-url&gt;</code>.</dd>
        </dl>

        <h2 id="quick-start">Quick start</h2>
        <ol class="steps">
          <li>
            <p>Install, and start the mock of both APIs (Node 20.19 or newer):</p>
            ${codeBlock('sh', install.code)}
          </li>
          <li>
            <p>In another terminal, make a first call with the client:</p>
            ${codeBlock('ts', FIRST_CALL)}
          </li>
          <li>
            <p>Or run the example of the whole flow against it:</p>
            ${codeBlock('sh', example.code)}
          </li>
        </ol>
      </div>
    </main>
    <footer>
      <div class="wrap">Built by <code>npm run docs</code> from this checkout's specs and sources. MIT licensed.</div>
    </footer>
  </body>
</html>
`;
}

/** The guides in the order a reader takes them (README's Guides table); a guide missing here comes last. */
const GUIDE_ORDER = [
  'client',
  'typed-connectors',
  'mocking',
  'contract-verification',
  'agents-and-mcp',
  'spec',
  'command-line',
  'benchmarks',
];

/** The markdown pages of the site: where each comes from in the repository, and its page under docs/site/. */
function markdownPages() {
  const guides = readdirSync(`${root}docs/guides`)
    .filter((name) => name.endsWith('.md'))
    .map((name) => name.slice(0, -3))
    .sort((a, b) => (GUIDE_ORDER.indexOf(a) + 1 || 99) - (GUIDE_ORDER.indexOf(b) + 1 || 99));
  return [
    ...guides.map((name) => ({ source: `docs/guides/${name}.md`, page: `guides/${name}.html`, guide: true })),
    { source: 'README.md', page: 'guides/readme.html', guide: false, label: 'README' },
    {
      source: 'docs/benchmarks.md',
      page: 'guides/benchmark-tables.html',
      guide: false,
      label: 'Every benchmark table',
    },
    { source: 'CONTRIBUTING.md', page: 'guides/contributing.html', guide: false, label: 'Contributing' },
  ];
}

/** GitHub's anchor of a heading: lower case, punctuation but `-` and `_` dropped, spaces as `-`; repeats numbered. */
function anchorMaker() {
  const seen = new Map();
  return (text) => {
    const base = text
      .trim()
      .toLowerCase()
      .replace(/[^\p{L}\p{N}\s_-]/gu, '')
      .replace(/\s/g, '-');
    const count = seen.get(base) ?? 0;
    seen.set(base, count + 1);
    return count === 0 ? base : `${base}-${count}`;
  };
}

/**
 * One markdown page as the site's HTML body: headings with GitHub's anchors; a relative link to another page of the
 * site made a link to that page, to an image copied beside it; any other relative link is an error. Raw HTML in the
 * markdown is shown as text (markdown-it's default).
 */
function renderMarkdown(source, page, pages, copies) {
  const md = new MarkdownIt({ linkify: false });
  const anchor = anchorMaker();
  const byPath = new Map(pages.map((p) => [p.source, p.page]));
  const rewrite = (href) => {
    if (/^[a-z][a-z0-9+.-]*:/i.test(href) || href.startsWith('#')) return href;
    const [path, hash] = href.split('#');
    const target = posix.normalize(posix.join(posix.dirname(source), path));
    const fragment = hash === undefined ? '' : `#${hash}`;
    const sitePage = byPath.get(target);
    if (sitePage) return `${posix.relative(posix.dirname(page), sitePage)}${fragment}`;
    if (/\.(png|svg|jpe?g|gif)$/i.test(target) && existsSync(`${root}${target}`)) {
      const copy = `guides/${posix.basename(target)}`;
      copies.set(copy, target);
      return posix.relative(posix.dirname(page), copy);
    }
    throw new Error(`${source} links to ${href}, which the documentation site does not have`);
  };
  md.core.ruler.push('site_links_and_anchors', (state) => {
    for (const [i, token] of state.tokens.entries()) {
      if (token.type === 'heading_open') {
        const inline = state.tokens[i + 1];
        token.attrSet('id', anchor(inline.children.map((child) => child.content).join('')));
      }
      for (const child of token.children ?? []) {
        if (child.type === 'link_open') child.attrSet('href', rewrite(child.attrGet('href')));
        if (child.type === 'image') child.attrSet('src', rewrite(child.attrGet('src')));
      }
    }
  });
  const text = readFileSync(`${root}${source}`, 'utf8');
  const title = /^# (.+)$/m.exec(text)?.[1] ?? source;
  return { title: title.replace(/`/g, ''), html: md.render(text) };
}

const GUIDE_CSS = `
  main.guide { display: grid; grid-template-columns: 15rem minmax(0, 1fr); gap: 2rem; max-width: 76rem; margin: 0 auto; padding: 1.5rem 1.25rem 3rem; }
  nav.guides { position: sticky; top: 1rem; align-self: start; font-size: .93rem; }
  nav.guides h2 { margin: 1rem 0 .4rem; font-size: .8rem; text-transform: uppercase; letter-spacing: .05em; color: var(--muted); }
  nav.guides ul { margin: 0; padding: 0; list-style: none; }
  nav.guides li { margin: .15rem 0; }
  nav.guides a[aria-current="page"] { font-weight: 700; text-decoration: none; }
  article { min-width: 0; }
  article h1 { margin-top: 0; }
  article h2 { margin: 2rem 0 .75rem; }
  article h3 { margin: 1.5rem 0 .5rem; }
  article table { border-collapse: collapse; display: block; overflow-x: auto; margin: 1rem 0; font-size: .92rem; }
  article th, article td { border: 1px solid var(--line); padding: .35rem .6rem; vertical-align: top; text-align: left; }
  article pre { margin: 1rem 0; }
  article img { max-width: 100%; }
  article :not(pre) > code { background: var(--accent-soft); padding: .05rem .3rem; border-radius: .25rem; }
  @media (max-width: 50rem) { main.guide { grid-template-columns: 1fr; } nav.guides { position: static; } }
`;

/** A page of the site from markdown: the navigation of every page and reference, then the page itself. */
function guidePage({ version, title, body, page, pages, apis }) {
  const up = posix.relative(posix.dirname(page), '.') || '.';
  const link = (href, label) =>
    `<li><a href="${posix.relative(posix.dirname(page), href)}"${href === page ? ' aria-current="page"' : ''}>${escapeHtml(label)}</a></li>`;
  const guides = pages.filter((p) => p.guide).map((p) => link(p.page, p.title));
  const more = pages.filter((p) => !p.guide).map((p) => link(p.page, p.title));
  const references = [...apis.map((api) => link(api.file, api.title)), link('client/index.html', 'TypeScript client')];
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>${escapeHtml(title)}: agent-engine-kit</title>
    <link rel="icon" href="data:," />
    <style>${LANDING_CSS}${GUIDE_CSS}</style>
  </head>
  <body>
    <header>
      <div class="wrap"><p class="eyebrow"><a href="${up}/index.html"><code>agent-engine-kit</code></a> ${escapeHtml(version)}</p></div>
    </header>
    <main class="guide">
      <nav class="guides" aria-label="Documentation">
        <h2>Guides</h2>
        <ul>
          ${guides.join('\n          ')}
        </ul>
        <h2>Also</h2>
        <ul>
          ${more.join('\n          ')}
        </ul>
        <h2>References</h2>
        <ul>
          ${references.join('\n          ')}
        </ul>
      </nav>
      <article>
${body}
      </article>
    </main>
  </body>
</html>
`;
}

/** Builds docs/site/ and says where each page is. */
export async function buildDocs() {
  const { apis: configured } = load(readFileSync(`${root}redocly.yaml`, 'utf8'));
  mkdirSync(site, { recursive: true });
  const apis = Object.entries(configured).map(([name, api]) => {
    const spec = load(readFileSync(`${root}${api.root}`, 'utf8'));
    const operations = Object.values(spec.paths ?? {}).reduce(
      (count, item) => count + HTTP_METHODS.filter((method) => item[method]).length,
      0,
    );
    return {
      name,
      root: api.root,
      file: `${name}.html`,
      title: spec.info.title,
      version: spec.info.version,
      operations,
    };
  });
  // Redocly reads the specs (and what they refer to, all under openapi/) and its configuration; TypeDoc the program
  // tsconfig.docs.json makes (src/, mocks/ but the browser demo, generated/, the packages' types) and its options.
  const lockfile = ['package.json', 'package-lock.json'];
  const specsKey = inputsKey(filesBelow(['openapi', 'redocly.yaml', ...lockfile]), ['@redocly/cli']);
  const typedocKey = inputsKey(
    filesBelow(['src', 'mocks', 'generated', 'typedoc.json', 'tsconfig.json', 'tsconfig.docs.json', ...lockfile], {
      skip: ['mocks/browser-demo'],
    }),
    ['typedoc', 'typescript'],
  );
  const reused = [];
  const noteReuse = (name) => (wasReused) => wasReused && reused.push(name);
  await Promise.all([
    ...apis.map((api) =>
      reusing({
        folder: `${CACHE}/redocly-${api.name}`,
        key: specsKey,
        outputs: [`docs/site/${api.file}`],
        produce: () =>
          run(process.execPath, [
            `${root}node_modules/@redocly/cli/bin/cli.js`,
            'build-docs',
            api.root,
            '-o',
            `${site}/${api.file}`,
            '--inlineBundle',
          ]),
      })
        .then(noteReuse(api.file))
        .then(() => inlineRedocImages(`${site}/${api.file}`)),
    ),
    reusing({
      folder: `${CACHE}/typedoc`,
      key: typedocKey,
      outputs: ['docs/site/client'],
      produce: () => run(process.execPath, [`${root}node_modules/typedoc/bin/typedoc`, '--options', 'typedoc.json']),
    }).then(noteReuse('client/')),
  ]);
  for (const module of CLIENT_MODULES) {
    if (!existsSync(`${site}/${module.page}`))
      throw new Error(`TypeDoc wrote no page for ${module.name} (expected docs/site/${module.page})`);
  }
  const { version } = JSON.parse(readFileSync(`${root}package.json`, 'utf8'));
  // The markdown pages: rendered first (their titles are the navigation's), then written with the navigation.
  const sources = markdownPages();
  const copies = new Map();
  const rendered = sources.map((p) => {
    const { title, html } = renderMarkdown(p.source, p.page, sources, copies);
    return { ...p, title: p.label ?? title, html };
  });
  mkdirSync(`${site}/guides`, { recursive: true });
  for (const p of rendered)
    writeFileSync(
      `${site}/${p.page}`,
      guidePage({ version, title: p.title, body: p.html, page: p.page, pages: rendered, apis }),
    );
  for (const [copy, source] of copies) copyFileSync(`${root}${source}`, `${site}/${copy}`);
  const guides = rendered.filter((p) => p.guide).map((p) => ({ title: p.title, page: p.page }));
  writeFileSync(
    `${site}/index.html`,
    landingPage({ version, apis, guides, readme: readFileSync(`${root}README.md`, 'utf8') }),
  );
  return {
    reused: reused.sort(),
    index: `${site}/index.html`,
    pages: rendered.map((p) => ({
      source: p.source,
      page: p.page,
      title: p.title,
      guide: p.guide,
      path: `${site}/${p.page}`,
    })),
    apis: apis.map((api) => ({ ...api, path: `${site}/${api.file}` })),
    client: {
      path: `${site}/client/index.html`,
      modules: CLIENT_MODULES.map((m) => ({ ...m, path: `${site}/${m.page}` })),
    },
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const built = await buildDocs();
  for (const api of built.apis)
    console.log(`${api.title} ${api.version} (${api.operations} operations) -> docs/site/${api.file}`);
  console.log(
    `TypeScript client (${built.client.modules.map((m) => m.name).join(', ')}) -> docs/site/client/index.html`,
  );
  console.log('Landing page -> docs/site/index.html');
  if (built.reused.length > 0)
    console.log(`Unchanged since the last build, copied from node_modules/.cache: ${built.reused.join(', ')}`);
}

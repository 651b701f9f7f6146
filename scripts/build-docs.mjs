#!/usr/bin/env node
// npm run docs: the kit's references in docs/site/, which open offline.
// - <api>.html: a static HTML reference of every spec in redocly.yaml (Redocly's build-docs, Redoc's scripts inlined);
// - client/: the reference of the TypeScript client's public entry points (TypeDoc, configured by typedoc.json);
// - index.html: a page linking them.
// The three builds are separate processes that run side by side, so that the whole takes about as long as TypeDoc.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { load } from 'js-yaml';

const root = fileURLToPath(new URL('..', import.meta.url));
const site = `${root}docs/site`;
const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

/**
 * The public entry points of the package, as TypeDoc names their pages (each entry file's `@module` tag, with the
 * slash turned into an underscore). build-docs fails when one of them is missing, rather than link to nothing.
 */
export const CLIENT_MODULES = [
  { name: 'agent-engine-kit', page: 'client/modules/agent-engine-kit.html', what: 'the clients, their errors and the API types' },
  { name: 'agent-engine-kit/validation', page: 'client/modules/agent-engine-kit_validation.html', what: 'response validation against the specs' },
  { name: 'agent-engine-kit/mock', page: 'client/modules/agent-engine-kit_mock.html', what: 'the stateful mock for Node tests and servers' },
];

function run(command, args) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(output) : reject(new Error(`${command} ${args.join(' ')} failed (exit ${code}):\n${output}`))));
  });
}

const escapeHtml = (text) => String(text).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);

/** The index page: a link to each reference. */
function indexPage(apis) {
  const links = [
    ...apis.map((api) => `      <li><a href="${api.file}">${escapeHtml(api.title)}</a> <small>${escapeHtml(api.version)}</small></li>`),
    '      <li><a href="client/index.html">TypeScript client</a></li>',
  ];
  return `<!doctype html>\n<html lang="en">\n  <head><meta charset="utf-8" /><title>agent-engine-kit API reference</title></head>\n  <body>\n    <h1>API reference</h1>\n    <ul>\n${links.join('\n')}\n    </ul>\n  </body>\n</html>\n`;
}

/** Builds docs/site/ and says where each page is. */
export async function buildDocs() {
  const { apis: configured } = load(readFileSync(`${root}redocly.yaml`, 'utf8'));
  mkdirSync(site, { recursive: true });
  const apis = Object.entries(configured).map(([name, api]) => {
    const spec = load(readFileSync(`${root}${api.root}`, 'utf8'));
    const operations = Object.values(spec.paths ?? {}).reduce((count, item) => count + HTTP_METHODS.filter((method) => item[method]).length, 0);
    return { name, root: api.root, file: `${name}.html`, title: spec.info.title, version: spec.info.version, operations };
  });
  await Promise.all([
    ...apis.map((api) => run('npx', ['--no-install', 'redocly', 'build-docs', api.root, '-o', `${site}/${api.file}`, '--inlineBundle'])),
    run('npx', ['--no-install', 'typedoc', '--options', 'typedoc.json']),
  ]);
  for (const module of CLIENT_MODULES) {
    if (!existsSync(`${site}/${module.page}`)) throw new Error(`TypeDoc wrote no page for ${module.name} (expected docs/site/${module.page})`);
  }
  writeFileSync(`${site}/index.html`, indexPage(apis));
  return {
    index: `${site}/index.html`,
    apis: apis.map((api) => ({ ...api, path: `${site}/${api.file}` })),
    client: { path: `${site}/client/index.html`, modules: CLIENT_MODULES.map((m) => ({ ...m, path: `${site}/${m.page}` })) },
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const built = await buildDocs();
  for (const api of built.apis) console.log(`${api.title} ${api.version} (${api.operations} operations) -> docs/site/${api.file}`);
  console.log(`TypeScript client (${built.client.modules.map((m) => m.name).join(', ')}) -> docs/site/client/index.html`);
}

#!/usr/bin/env node
// npm run docs: a static HTML reference of every spec in redocly.yaml (Redocly's build-docs with the Redoc scripts inlined, no
// network needed to view it), into docs/site/, with an index page linking them.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { load } from 'js-yaml';

const root = fileURLToPath(new URL('..', import.meta.url));
const site = `${root}docs/site`;

export function buildDocs() {
  const { apis } = load(readFileSync(`${root}redocly.yaml`, 'utf8'));
  mkdirSync(site, { recursive: true });
  const pages = [];
  for (const [name, api] of Object.entries(apis)) {
    const spec = load(readFileSync(`${root}${api.root}`, 'utf8'));
    const output = `${site}/${name}.html`;
    const run = spawnSync('npx', ['--no-install', 'redocly', 'build-docs', api.root, '-o', output, '--inlineBundle'], { cwd: root, encoding: 'utf8' });
    if (run.status !== 0) throw new Error(`redocly build-docs ${api.root} failed:\n${run.stdout}${run.stderr}`);
    pages.push({ name, file: `${name}.html`, title: spec.info.title, version: spec.info.version });
  }
  const links = pages.map((p) => `      <li><a href="${p.file}">${p.title}</a> <small>${p.version}</small></li>`).join('\n');
  writeFileSync(
    `${site}/index.html`,
    `<!doctype html>\n<html lang="en">\n  <head><meta charset="utf-8" /><title>agent-engine-kit API reference</title></head>\n  <body>\n    <h1>API reference</h1>\n    <ul>\n${links}\n    </ul>\n  </body>\n</html>\n`,
  );
  return pages.map((p) => ({ ...p, path: `${site}/${p.file}` }));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const page of buildDocs()) console.log(`${page.title} ${page.version} -> docs/site/${page.file}`);
}

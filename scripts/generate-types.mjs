#!/usr/bin/env node
// Writes generated/*.d.ts from openapi/*.yaml with openapi-typescript, or with --check fails when any of them is stale.
// The spec/output pairs come from redocly.yaml (`apis.*.x-openapi-ts.output`), the one list both tools read, plus one
// per agent connector definition: openapi/connectors/<name>.yaml -> generated/connectors/<name>.d.ts.
// --only a,b limits the run to those names (an API of redocly.yaml, or `connectors/<name>`).
// The Node API is used instead of the CLI because the CLI's --check stops at the first up-to-date file.
import { readFile, readdir, writeFile, mkdir } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parse } from 'yaml';
import openapiTS, { astToString, COMMENT_HEADER } from 'openapi-typescript';

// Types follow `required` exactly (a default does not make a field required) and free-form objects are
// `Record<string, unknown>` rather than `Record<string, never>`.
export const GENERATOR_OPTIONS = { defaultNonNullable: false, emptyObjectsUnknown: true };

// --root DIR runs on a copy of the project (the tests use it to prove that a changed spec is caught).
const rootFlag = process.argv.indexOf('--root');
const root = rootFlag > 0 ? resolve(process.argv[rootFlag + 1]) : resolve(dirname(new URL(import.meta.url).pathname), '..');

const onlyFlag = process.argv.indexOf('--only');
const only = onlyFlag > 0 ? new Set(process.argv[onlyFlag + 1].split(',')) : null;

/** Every spec and where its types go. */
async function targets() {
  const { apis } = parse(await readFile(resolve(root, 'redocly.yaml'), 'utf8'));
  const list = Object.entries(apis).map(([name, api]) => {
    const output = api['x-openapi-ts']?.output;
    if (!output) throw new Error(`redocly.yaml: api ${name} has no x-openapi-ts.output`);
    return { name, spec: api.root, output };
  });
  const connectors = (await readdir(resolve(root, 'openapi/connectors')).catch(() => [])).filter((f) => f.endsWith('.yaml')).sort();
  for (const file of connectors) {
    const name = file.replace(/\.yaml$/, '');
    list.push({ name: `connectors/${name}`, spec: `openapi/connectors/${file}`, output: `generated/connectors/${name}.d.ts` });
  }
  return only ? list.filter((t) => only.has(t.name)) : list;
}

export async function generateAll() {
  const results = [];
  for (const { name, spec, output } of await targets()) {
    const ast = await openapiTS(pathToFileURL(resolve(root, spec)), { ...GENERATOR_OPTIONS, silent: true });
    results.push({ name, spec, output, text: COMMENT_HEADER + astToString(ast) });
  }
  return results;
}

async function main() {
  const check = process.argv.includes('--check');
  const stale = [];
  for (const { spec, output, text } of await generateAll()) {
    const target = resolve(root, output);
    if (check) {
      const current = await readFile(target, 'utf8').catch(() => null);
      if (current !== text) stale.push(`${output} (from ${spec})`);
      continue;
    }
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, text);
    console.log(`${spec} -> ${output}`);
  }
  if (stale.length > 0) {
    console.error(`Generated types are stale; run \`npm run generate\` and commit the result:\n  ${stale.join('\n  ')}`);
    process.exit(1);
  }
  if (check) console.log('generated/ is up to date with openapi/');
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}

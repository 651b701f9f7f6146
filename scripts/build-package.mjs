#!/usr/bin/env node
// `npm run build`: dist/ from scratch. tsc emits the entries' declarations (tsconfig.build.json: one TypeScript
// program, incremental), tsup builds the rest (tsup.config.ts: every entry as ESM, the client's as CommonJS, those declarations
// bundled); then what needs every build done: the connector definitions written once as JSON, the ESM
// declarations that re-export the CommonJS ones, the packages only the command uses (dist/vendor/), the validator's
// import hidden from bundlers, and the source maps and declarations made smaller. `--silent`: tsup's own output left out.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, readdirSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'tsup';
import { writeConnectorDefinitions } from './bundle-connectors.mjs';
import { compactDeclarations, renameDeclarationChunks, writeEsmDeclarations } from './declarations.mjs';
import { hideValidatorImport } from './hide-validator-import.mjs';
import { pruneSourceMaps } from './prune-source-maps.mjs';
import { buildVendored } from './vendor-packages.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = `${root}dist`;

/** The client's entries, ESM and CommonJS (tsup.config.ts names the same). */
export const CLIENT_ENTRIES = ['index', 'validation', 'agent', 'ai-sdk', 'openai-agents'];

/** Where tsc writes the entries' declarations for tsup to bundle, and its build info (tsconfig.build.json). */
const DECLARATIONS = `${root}mock-dist/declarations`;
const BUILD_INFO = `${root}mock-dist/declarations.tsbuildinfo`;

/**
 * The declarations of every entry, by one TypeScript program: `tsc -p tsconfig.build.json`. The declaration files of
 * the sources themselves (generated/, src/yaml.d.ts), which tsc does not copy, are copied beside them.
 */
function emitDeclarations() {
  // tsc trusts its build info to say what is emitted already: without the folder, it must emit everything.
  if (!existsSync(DECLARATIONS)) rmSync(BUILD_INFO, { force: true });
  const tsc = spawnSync(process.execPath, [`${root}node_modules/typescript/bin/tsc`, '-p', 'tsconfig.build.json'], {
    cwd: root,
    encoding: 'utf8',
  });
  if (tsc.status !== 0) throw new Error(`tsc -p tsconfig.build.json failed:\n${tsc.stdout}${tsc.stderr}`);
  for (const dir of ['src', 'mocks', 'generated'])
    for (const file of readdirSync(`${root}${dir}`, { recursive: true, encoding: 'utf8' }))
      if (file.endsWith('.d.ts')) cpSync(`${root}${dir}/${file}`, `${DECLARATIONS}/${dir}/${file}`);
}

export async function buildPackage({ silent = false } = {}) {
  rmSync(dist, { recursive: true, force: true });
  process.chdir(root);
  emitDeclarations();
  await build({ silent });
  renameDeclarationChunks(dist);
  // The validator's lazy import, hidden from bundlers that bundle dist/ again (scripts/hide-validator-import.mjs).
  hideValidatorImport(dist, 'esm');
  hideValidatorImport(dist, 'cjs');
  // The one copy of the connector definitions: the mock reads it, the agent tools import it, pages import it.
  writeConnectorDefinitions(dist);
  writeEsmDeclarations(dist, CLIENT_ENTRIES);
  // The MCP SDK and fast-check, which the command's chunks import from dist/vendor/.
  await buildVendored(dist);
  const maps = [pruneSourceMaps(dist, '.js'), pruneSourceMaps(dist, '.cjs')];
  const declarations = compactDeclarations(dist);
  return { maps, declarations };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { maps, declarations } = await buildPackage({ silent: process.argv.includes('--silent') });
  const removed = maps.reduce((n, m) => n + m.removed, 0);
  const saved = maps.reduce((n, m) => n + m.bytesBefore - m.bytesAfter, 0);
  console.log(
    `dist/: source maps cut to our code (${(saved / 1e6).toFixed(1)} MB less, ${removed} maps with none of it removed), declarations ${(declarations / 1e6).toFixed(1)} MB smaller`,
  );
}

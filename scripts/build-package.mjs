#!/usr/bin/env node
// `npm run build`: dist/ from scratch. tsc emits the entries' declarations (tsconfig.build.json: one TypeScript
// program, incremental), tsup builds the rest (tsup.config.ts: every entry as ESM, the client's as CommonJS, those declarations
// bundled, or the last build's bundled declarations reused when tsc's are unchanged); then what needs every build done: the connector definitions written once as JSON, the ESM
// declarations that re-export the CommonJS ones, the packages only the command uses (dist/vendor/), the validator's
// import hidden from bundlers, and the source maps and declarations made smaller. `--silent`: tsup's own output left out.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, readdirSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'tsup';
import { writeConnectorDefinitions } from './bundle-connectors.mjs';
import { compactDeclarations, renameDeclarationChunks, writeEsmDeclarations } from './declarations.mjs';
import { hideValidatorImport } from './hide-validator-import.mjs';
import { filesBelow, inputsKey, reusing } from './inputs-key.mjs';
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

/** Where the declarations tsup bundled last are kept, under the key of what they were bundled from. */
const BUNDLED_DECLARATIONS = `${root}mock-dist/bundled-declarations`;

/**
 * The key of everything tsup's declaration bundling reads: tsc's declarations (what the sources' public types became),
 * tsup's configuration, package.json (whose dependencies tsup leaves external), the tsconfig it compiles with, and the
 * versions of tsup, rollup and TypeScript. A change to a function's body leaves it as it was; a change to a type does
 * not. `base`: the folder that holds them (the repository).
 */
export function declarationsKey(base = root) {
  const emitted = 'mock-dist/declarations';
  const files = filesBelow([emitted, 'tsup.config.ts', 'package.json', 'tsconfig.json'], { base }).filter(
    (file) => !file.startsWith(`${emitted}/`) || file.endsWith('.d.ts'),
  );
  return inputsKey(files, ['tsup', 'rollup', 'typescript'], { base });
}

/**
 * tsup's build of dist/. Its declaration bundling (a rollup over tsc's declarations, in two workers) costs about 8 s of
 * CPU, the most of any step, and its output depends only on what `declarationsKey` reads: when that is what it was at
 * the last build, the bundled declarations of that build are copied in and tsup bundles the code alone. Says whether it
 * reused them.
 */
async function buildWithDeclarations(silent) {
  const reused = await reusing({
    folder: BUNDLED_DECLARATIONS,
    key: declarationsKey(),
    base: `${dist}/`,
    outputs: () => readdirSync(dist).filter((file) => /\.d\.c?ts$/.test(file)),
    produce: () => build({ silent }),
  });
  if (reused) await build({ silent, dts: false });
  return reused;
}

export async function buildPackage({ silent = false } = {}) {
  rmSync(dist, { recursive: true, force: true });
  process.chdir(root);
  emitDeclarations();
  const declarationsReused = await buildWithDeclarations(silent);
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
  return { maps, declarations, declarationsReused };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { maps, declarations, declarationsReused } = await buildPackage({ silent: process.argv.includes('--silent') });
  const removed = maps.reduce((n, m) => n + m.removed, 0);
  const saved = maps.reduce((n, m) => n + m.bytesBefore - m.bytesAfter, 0);
  console.log(
    `dist/: source maps cut to our code (${(saved / 1e6).toFixed(1)} MB less, ${removed} maps with none of it removed), declarations ${(declarations / 1e6).toFixed(1)} MB smaller${declarationsReused ? ' (bundled declarations unchanged since the last build: reused)' : ''}`,
  );
}

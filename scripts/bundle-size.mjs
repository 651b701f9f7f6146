#!/usr/bin/env node
// Bundle budget: what the client costs a browser or edge bundle. src/ bundled with openapi-fetch (what a user's
// bundler ships), minified, then gzipped: the entry and what it imports statically. Two chunks load later and are
// reported apart: the response validator (specs and ajv), only with `validateResponses: true`, and the connectors'
// paging table, only when an execute is paged. Fails above the budget.
// `--json` prints the figures as JSON.
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { esbuildYamlPlugin } from './yaml-plugin.mjs';

export const BUDGET_BYTES = 10 * 1024;

/**
 * The code with the content hash in each chunk's file name (`chunk-ZZBNRQA2.js`, `validation-FQNRYWO2.js`) replaced by
 * a fixed one per order of appearance, as random-looking as esbuild's (eight characters of its base32 alphabet), so
 * that it compresses as a real hash does. The entry imports the chunks that load later by those names: without this, a
 * change inside the validator's chunk alone moved the entry's gzipped size by a byte or two; now the figures move only
 * when the code they measure does.
 */
export function withStableChunkNames(code) {
  const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  const stand = (index) =>
    [...createHash('sha256').update(`chunk ${index}`).digest().subarray(0, 8)]
      .map((byte) => BASE32[byte & 31])
      .join('');
  const replaced = new Map();
  const text = code.toString('latin1').replace(/-([A-Z2-7]{8})\.js\b/g, (_name, hash) => {
    if (!replaced.has(hash)) replaced.set(hash, stand(replaced.size));
    return `-${replaced.get(hash)}.js`;
  });
  return Buffer.from(text, 'latin1');
}

export async function measureBundle() {
  const outdir = mkdtempSync(join(tmpdir(), 'agent-engine-kit-size-'));
  try {
    const result = await build({
      entryPoints: { index: new URL('../src/index.ts', import.meta.url).pathname },
      bundle: true,
      splitting: true,
      minify: true,
      format: 'esm',
      platform: 'neutral',
      target: 'es2022',
      mainFields: ['module', 'main'],
      outdir,
      write: false,
      metafile: true,
      logLevel: 'silent',
      plugins: [esbuildYamlPlugin],
    });
    const files = new Map(result.outputFiles.map((file) => [file.path, file.contents]));
    const outputs = result.metafile.outputs;
    const entry = Object.keys(outputs).find((path) => outputs[path].entryPoint);
    // The entry and every chunk it imports statically: what loads before the first call.
    const loaded = new Set();
    const visit = (path) => {
      if (loaded.has(path)) return;
      loaded.add(path);
      for (const imported of outputs[path].imports)
        if (imported.kind === 'import-statement' && outputs[imported.path]) visit(imported.path);
    };
    visit(entry);
    const bytesOf = (paths) => {
      const parts = [...paths].map(
        (path) => files.get(join(process.cwd(), path)) ?? files.get(path) ?? files.get(join('/', path)),
      );
      const all = Buffer.concat(parts.filter(Boolean).map((part) => Buffer.from(part)));
      return { minified: all.byteLength, gzipped: gzipSync(withStableChunkNames(all), { level: 9 }).byteLength };
    };
    const lazy = Object.keys(outputs).filter((path) => path.endsWith('.js') && !loaded.has(path));
    const isPaging = (path) =>
      Object.keys(outputs[path].inputs).some((file) => file.endsWith('generated/connector-paging.ts'));
    const initial = bytesOf(loaded);
    const deferred = bytesOf(lazy.filter((path) => !isPaging(path)));
    const paging = bytesOf(lazy.filter(isPaging));
    const inputs = [...loaded].flatMap((path) => Object.keys(outputs[path].inputs));
    return {
      minifiedBytes: initial.minified,
      gzippedBytes: initial.gzipped,
      validationMinifiedBytes: deferred.minified,
      validationGzippedBytes: deferred.gzipped,
      pagingMinifiedBytes: paging.minified,
      pagingGzippedBytes: paging.gzipped,
      budgetBytes: BUDGET_BYTES,
      includesOpenapiFetch: inputs.some((file) => file.includes('openapi-fetch')),
      includesSpecs: inputs.some((file) => file.endsWith('.yaml')),
      includesPagingTable: inputs.some((file) => file.endsWith('generated/connector-paging.ts')),
      nodeBuiltins: inputs.filter((file) => file.startsWith('node:')),
    };
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const figures = await measureBundle();
  if (process.argv.includes('--json')) console.log(JSON.stringify(figures));
  else {
    const kb = (bytes) => `${(bytes / 1024).toFixed(2)} kB`;
    console.log(
      `client + openapi-fetch: ${kb(figures.minifiedBytes)} minified, ${kb(figures.gzippedBytes)} minified+gzipped (budget ${kb(figures.budgetBytes)})`,
    );
    console.log(
      `response validator, loaded only with validateResponses: ${kb(figures.validationMinifiedBytes)} minified, ${kb(figures.validationGzippedBytes)} minified+gzipped`,
    );
    console.log(
      `connector paging table, loaded only when an execute is paged: ${kb(figures.pagingMinifiedBytes)} minified, ${kb(figures.pagingGzippedBytes)} minified+gzipped`,
    );
  }
  if (figures.gzippedBytes > BUDGET_BYTES) process.exit(1);
}

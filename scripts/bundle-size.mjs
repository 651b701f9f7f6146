#!/usr/bin/env node
// Bundle budget: what the client costs a browser or edge bundle. src/ bundled with openapi-fetch (what a user's
// bundler ships), minified, then gzipped; fails above the budget. `--json` prints the figures as JSON.
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

export const BUDGET_BYTES = 10 * 1024;

export async function measureBundle() {
  const result = await build({
    entryPoints: [new URL('../src/index.ts', import.meta.url).pathname],
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'neutral',
    target: 'es2022',
    mainFields: ['module', 'main'],
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  const code = result.outputFiles[0].contents;
  const inputs = Object.keys(result.metafile.inputs);
  return {
    minifiedBytes: code.byteLength,
    gzippedBytes: gzipSync(code, { level: 9 }).byteLength,
    budgetBytes: BUDGET_BYTES,
    includesOpenapiFetch: inputs.some((file) => file.includes('openapi-fetch')),
    nodeBuiltins: inputs.filter((file) => file.startsWith('node:')),
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const figures = await measureBundle();
  if (process.argv.includes('--json')) console.log(JSON.stringify(figures));
  else {
    const kb = (bytes) => `${(bytes / 1024).toFixed(2)} kB`;
    console.log(`client + openapi-fetch: ${kb(figures.minifiedBytes)} minified, ${kb(figures.gzippedBytes)} minified+gzipped (budget ${kb(figures.budgetBytes)})`);
  }
  if (figures.gzippedBytes > BUDGET_BYTES) process.exit(1);
}

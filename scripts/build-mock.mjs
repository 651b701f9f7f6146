#!/usr/bin/env node
// Bundles the standalone mock (mocks/serve.ts, over mocks/standalone.ts) into mock-dist/standalone.mjs, so that `npm start` runs plain
// JavaScript and starts fast. Packages stay external; the specs are read from openapi/ at start-up, the connector definitions from
// mock-dist/connector-index.json and mock-dist/connectors/ (scripts/bundle-connectors.mjs).
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { writeConnectorDefinitions } from './bundle-connectors.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));

export async function buildMock() {
  await build({
    entryPoints: [`${root}mocks/serve.ts`],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    // One folder below the root, as mocks/ is: the specs' relative paths stay right.
    outfile: `${root}mock-dist/standalone.mjs`,
    logLevel: 'warning',
  });
  writeConnectorDefinitions(`${root}mock-dist`);
  return `${root}mock-dist/standalone.mjs`;
}

if (import.meta.url === `file://${process.argv[1]}`) await buildMock();

#!/usr/bin/env node
// The checks `npm test` runs before the suites, side by side instead of one after another: the specs' lint
// (lint-spec.mjs), Biome, and the type-check. Each one's output is printed whole once it ends, under its name; the
// exit code is 1 when any of them fails.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = (name) => `${root}node_modules/.bin/${name}`;
const CHECKS = [
  { name: 'lint:spec', command: process.execPath, args: [`${root}scripts/lint-spec.mjs`] },
  { name: 'lint (biome ci)', command: bin('biome'), args: ['ci', '.'] },
  { name: 'typecheck (tsc --noEmit)', command: bin('tsc'), args: ['--noEmit'] },
];

const results = await Promise.all(
  CHECKS.map(
    ({ name, command, args }) =>
      new Promise((resolve) => {
        const started = performance.now();
        const child = spawn(command, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
        let output = '';
        child.stdout.on('data', (chunk) => (output += chunk));
        child.stderr.on('data', (chunk) => (output += chunk));
        child.on('error', (error) => resolve({ name, code: 1, output: String(error), ms: 0 }));
        child.on('close', (code) => resolve({ name, code, output, ms: performance.now() - started }));
      }),
  ),
);
for (const { name, code, output, ms } of results) {
  console.log(`${code === 0 ? '✓' : '✗'} ${name} (${(ms / 1000).toFixed(1)} s)`);
  if (code !== 0 || process.env.VERBOSE) console.log(output.trim());
}
process.exitCode = results.every((r) => r.code === 0) ? 0 : 1;

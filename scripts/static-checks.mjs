#!/usr/bin/env node
// The checks `npm test` runs beside the suites, side by side instead of one after another: the specs' lint
// (lint-spec.mjs), Biome, and the type-check. Each one's output is printed whole once it ends, under its name; the
// exit code is 1 when any of them fails.
//
// `node scripts/static-checks.mjs --with-suites [vitest arguments]` (what `npm test` runs) starts vitest too, at the
// same time: the suites spend a sixth of their time waiting on processes they started (a build, npm, Chromium, Prism),
// which the checks fill. The suites' output streams as usual; the checks' comes when they end. The exit code is 1 when
// the checks or the suites fail.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = (name) => `${root}node_modules/.bin/${name}`;
const CHECKS = [
  { name: 'lint:spec', command: process.execPath, args: [`${root}scripts/lint-spec.mjs`] },
  { name: 'lint (biome ci)', command: bin('biome'), args: ['ci', '.'] },
  // Incremental: tsc keeps what it learnt of the project in node_modules/.cache and checks again only what changed and
  // what depends on it (15 s cold, 6 s when little changed, on 2 cores). `npm run typecheck` checks from scratch.
  {
    name: 'typecheck (tsc --noEmit)',
    command: bin('tsc'),
    args: [
      '--noEmit',
      '--incremental',
      '--tsBuildInfoFile',
      `${root}node_modules/.cache/agent-engine-kit/typecheck.tsbuildinfo`,
    ],
  },
];

const withSuites = process.argv[2] === '--with-suites';
const suites = withSuites
  ? new Promise((resolve) => {
      const child = spawn(
        process.execPath,
        [`${root}node_modules/vitest/vitest.mjs`, 'run', ...process.argv.slice(3)],
        {
          cwd: root,
          stdio: 'inherit',
        },
      );
      child.on('error', () => resolve(1));
      child.on('close', (code) => resolve(code));
    })
  : Promise.resolve(0);

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
const checksPassed = results.every((r) => r.code === 0);
const suitesCode = await suites;
if (withSuites && !checksPassed) console.log('✗ the static checks above failed');
process.exitCode = checksPassed && suitesCode === 0 ? 0 : 1;

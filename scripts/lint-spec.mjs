#!/usr/bin/env node
// Lints every spec listed in redocly.yaml and fails on any problem, warnings included:
// `redocly lint` alone exits 0 when there are only warnings.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

const { apis } = parse(readFileSync(new URL('../redocly.yaml', import.meta.url), 'utf8'));
// Redocly's bin run by this Node directly (npx would start npm first, for nothing).
const cli = fileURLToPath(new URL('../node_modules/@redocly/cli/bin/cli.js', import.meta.url));
const redocly = (args) => spawnSync(process.execPath, [cli, 'lint', ...args], { encoding: 'utf8' });

let failed = false;
for (const [name, api] of Object.entries(apis)) {
  const run = redocly([name, '--format', 'json']);
  let totals;
  try {
    totals = JSON.parse(run.stdout).totals;
  } catch {
    process.stderr.write(run.stdout + run.stderr);
    console.error(`lint:spec: could not read the result of redocly lint for ${name}`);
    process.exit(1);
  }
  if (totals.errors + totals.warnings > 0) {
    failed = true;
    spawnSync(process.execPath, [cli, 'lint', name, '--format', 'codeframe'], { stdio: 'inherit' });
  }
  console.log(`lint:spec: ${api.root}: ${totals.errors} error(s), ${totals.warnings} warning(s)`);
}
if (failed) {
  console.error('lint:spec: zero errors and zero warnings are required');
  process.exit(1);
}

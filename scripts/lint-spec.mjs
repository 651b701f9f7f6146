#!/usr/bin/env node
// Lints every spec listed in redocly.yaml and fails on any problem, warnings included:
// `redocly lint` alone exits 0 when there are only warnings.
import { spawnSync } from 'node:child_process';

const args = ['redocly', 'lint', ...process.argv.slice(2)];
const summary = spawnSync('npx', [...args, '--format', 'json'], { encoding: 'utf8' });
let totals;
try {
  totals = JSON.parse(summary.stdout).totals;
} catch {
  process.stderr.write(summary.stdout + summary.stderr);
  console.error('lint:spec: could not read the result of redocly lint');
  process.exit(1);
}
if (totals.errors + totals.warnings > 0) {
  spawnSync('npx', [...args, '--format', 'codeframe'], { stdio: 'inherit' });
  console.error(`lint:spec: ${totals.errors} error(s), ${totals.warnings} warning(s); zero of each is required`);
  process.exit(1);
}
console.log('lint:spec: both specs are clean (0 errors, 0 warnings)');

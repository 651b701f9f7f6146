#!/usr/bin/env node
// The package as users get it: built fresh, then publint and @arethetypeswrong/cli must find nothing, and `npm pack`
// must hold only what users need. Prints one line per check; exits 1 on any finding.
import { execFileSync, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { publint } from 'publint';

const root = fileURLToPath(new URL('..', import.meta.url));
const run = (command, args) => spawnSync(command, args, { cwd: root, encoding: 'utf8' });
const failures = [];

const build = run('npx', ['--no-install', 'tsup', '--silent']);
if (build.status !== 0) {
  console.error(build.stdout + build.stderr);
  process.exit(1);
}
console.log('build: dist/ (ESM, CJS, declarations)');

const { messages } = await publint({ pkgDir: root, strict: true });
for (const message of messages) failures.push(`publint ${message.type}: ${message.code} ${JSON.stringify(message.args)}`);
console.log(`publint: ${messages.length} finding(s)`);

const attw = run('npx', ['--no-install', 'attw', '--pack', '.', '--format', 'json']);
let problems = [];
try {
  const report = JSON.parse(attw.stdout);
  problems = Array.isArray(report.problems) ? report.problems : Object.values(report.problems ?? {}).flat();
} catch {
  failures.push(`attw: could not read its report: ${attw.stdout.slice(0, 500)} ${attw.stderr.slice(0, 500)}`);
}
for (const problem of problems) failures.push(`attw: ${problem.kind} ${problem.entrypoint ?? ''} ${problem.resolutionKind ?? ''}`);
console.log(`arethetypeswrong: ${problems.length} problem(s)`);

const [pack] = JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--json'], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }));
const files = pack.files.map((f) => f.path).sort();
const allowed = /^(dist\/(index|validation|chunk-[\w-]+|errors-[\w-]+)\.(js|cjs|d\.ts|d\.cts)(\.map)?|openapi\/[\w-]+\.yaml|README\.md|LICENSE|package\.json)$/;
const unexpected = files.filter((file) => !allowed.test(file));
for (const file of unexpected) failures.push(`npm pack: unexpected file ${file}`);
for (const needed of ['dist/index.js', 'dist/index.cjs', 'dist/index.d.ts', 'dist/index.d.cts', 'dist/validation.js', 'dist/validation.cjs', 'dist/validation.d.ts', 'package.json']) {
  if (!files.includes(needed)) failures.push(`npm pack: missing ${needed}`);
}
console.log(`npm pack: ${files.length} files, ${(pack.unpackedSize / 1024).toFixed(1)} kB unpacked: ${files.join(', ')}`);

if (failures.length > 0) {
  console.error(failures.join('\n'));
  process.exit(1);
}

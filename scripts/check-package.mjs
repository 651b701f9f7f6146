#!/usr/bin/env node
// The package as users get it: built fresh, then publint and @arethetypeswrong/cli must find nothing, and `npm pack`
// must hold only what users need. Prints one line per check; exits 1 on any finding.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { publint } from 'publint';

const root = fileURLToPath(new URL('..', import.meta.url));
const run = (command, args) => spawnSync(command, args, { cwd: root, encoding: 'utf8' });
const failures = [];

const build = run('npm', ['run', '--silent', 'build']);
if (build.status !== 0) {
  console.error(build.stdout + build.stderr);
  process.exit(1);
}
console.log('build: dist/ (ESM, CJS, declarations)');

const { messages } = await publint({ pkgDir: root, strict: true });
for (const message of messages)
  failures.push(`publint ${message.type}: ${message.code} ${JSON.stringify(message.args)}`);
console.log(`publint: ${messages.length} finding(s)`);

// The client entries are dual (ESM and CommonJS); the mock is ESM only by design (MSW's Node interceptors, the
// specs read next to dist/), and so is the browser mock (for bundlers), so CommonJS not resolving them is no problem.
// One attw run over the packed tarball.
// PACK_DESTINATION keeps the tarball there (the package test installs that one instead of packing again).
const keep = process.env.PACK_DESTINATION;
const packDir = keep ?? mkdtempSync(join(tmpdir(), 'agent-engine-kit-attw-'));
const [packed] = JSON.parse(
  execFileSync('npm', ['pack', '--json', '--pack-destination', packDir], {
    cwd: root,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'],
  }),
);
const attw = run('npx', ['--no-install', 'attw', join(packDir, packed.filename), '--format', 'json']);
let problems = [];
try {
  const report = JSON.parse(attw.stdout);
  const found = Array.isArray(report.problems) ? report.problems : Object.values(report.problems ?? {}).flat();
  problems = found.filter(
    (problem) =>
      !(
        (problem.entrypoint === './mock' || problem.entrypoint === './mock/browser') &&
        problem.resolutionKind === 'node16-cjs'
      ),
  );
} catch {
  failures.push(`attw: could not read its report: ${attw.stdout.slice(0, 500)} ${attw.stderr.slice(0, 500)}`);
}
if (!keep) rmSync(packDir, { recursive: true, force: true });
for (const problem of problems)
  failures.push(`attw: ${problem.kind} ${problem.entrypoint ?? ''} ${problem.resolutionKind ?? ''}`);
console.log(`arethetypeswrong: ${problems.length} problem(s)`);

const pack = packed; // the tarball attw read is the one checked here
const files = pack.files.map((f) => f.path).sort();
const allowed =
  /^(dist\/(index|validation|agent|ai-sdk|openai-agents|mock|mock-browser|cli|(chunk|errors|client|service|tools|connector-paging|validation|execute-paging|given-token)-[\w-]+|[a-z0-9-]+-[A-Z0-9]{8})\.(js|cjs|d\.ts|d\.cts)(\.map)?|dist\/connectors(\/[\w-]+)?\.json|openapi\/(connectors\/)?[\w-]+\.yaml|README\.md|LICENSE|package\.json)$/;
const unexpected = files.filter((file) => !allowed.test(file));
for (const file of unexpected) failures.push(`npm pack: unexpected file ${file}`);
for (const needed of [
  'dist/index.js',
  'dist/index.cjs',
  'dist/index.d.ts',
  'dist/index.d.cts',
  'dist/validation.js',
  'dist/validation.cjs',
  'dist/validation.d.ts',
  'dist/agent.js',
  'dist/agent.cjs',
  'dist/agent.d.ts',
  'dist/ai-sdk.js',
  'dist/ai-sdk.cjs',
  'dist/ai-sdk.d.ts',
  'dist/openai-agents.js',
  'dist/openai-agents.cjs',
  'dist/openai-agents.d.ts',
  'dist/mock.js',
  'dist/mock.d.ts',
  'dist/mock-browser.js',
  'dist/mock-browser.d.ts',
  'dist/connectors/github.json',
  'dist/cli.js',
  'package.json',
]) {
  if (!files.includes(needed)) failures.push(`npm pack: missing ${needed}`);
}
console.log(
  `npm pack: ${files.length} files, ${(pack.unpackedSize / 1024).toFixed(1)} kB unpacked: ${files.join(', ')}`,
);

if (failures.length > 0) {
  console.error(failures.join('\n'));
  process.exit(1);
}

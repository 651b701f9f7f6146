#!/usr/bin/env node
// The built client on every runtime the README names: starts the standalone mock (dist/mock.js) on 127.0.0.1 and runs
// contract-tests/runtimes/client-smoke.mjs on each runtime given, one after another against it; exit code 1 when a
// runtime fails or is missing. `.ci/run` installs the binaries from the npm registry and runs this after `npm run build`.
//
//   node scripts/runtimes.mjs node=$(command -v node) bun=PATH deno=PATH workerd=PATH
//
// A runtime is `name=binary`; its kind is the name up to the first '-' (`node-lts=...` is run as Node).
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, posix, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const SMOKE = 'contract-tests/runtimes/client-smoke.mjs';
/** A runtime that takes longer than this is stopped and fails (each takes a few seconds here). */
const TIMEOUT_MS = 90_000;
/** workerd runs the worker with the Workers platform's behaviour of this date; not newer than the pinned binary's. */
const WORKERD_COMPATIBILITY_DATE = '2026-11-01';

const runtimes = process.argv.slice(2).map((arg) => {
  const match = /^([a-z][\w-]*)=(.+)$/.exec(arg);
  if (!match) usage(`'${arg}' is not name=binary`);
  const kind = match[1].split('-')[0];
  if (!['node', 'bun', 'deno', 'workerd'].includes(kind)) usage(`unknown runtime '${match[1]}'`);
  return { name: match[1], kind, binary: match[2] };
});
if (runtimes.length === 0) usage('no runtime given');
for (const entry of ['dist/index.js', 'dist/mock.js'])
  if (!existsSync(join(root, entry))) {
    console.error(`runtimes: ${entry} is missing; run \`npm run build\` first (the smoke runs the built client)`);
    process.exit(2);
  }

function usage(problem) {
  console.error(
    `runtimes: ${problem}\nusage: node scripts/runtimes.mjs node=BIN [bun=BIN] [deno=BIN] [workerd=BIN] ...`,
  );
  process.exit(2);
}

/** Runs a command to its end (or TIMEOUT_MS): its exit code and its output, stdout and stderr interleaved. */
function run(command, args, options = {}) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], ...options });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    const timer = setTimeout(() => {
      output += `\n(stopped after ${TIMEOUT_MS / 1000} s)`;
      child.kill('SIGKILL');
    }, TIMEOUT_MS);
    child.on('error', (error) => {
      clearTimeout(timer);
      resolve({ code: 127, output: `${output}${error.message}` });
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code: code ?? (signal ? 128 : 1), output });
    });
  });
}

/**
 * The ES modules the worker needs, by the name it imports them with: the smoke, the built client's chunks it reaches
 * (static and dynamic imports, followed from dist/index.js), and openapi-fetch. workerd resolves every specifier,
 * bare ones too, against the importing module's directory, so openapi-fetch is named `dist/openapi-fetch`: what
 * `import 'openapi-fetch'` from a chunk of dist/ asks for (a bundler such as wrangler's would inline it).
 */
function workerModules() {
  const modules = new Map([[SMOKE, join(root, SMOKE)]]);
  const pending = ['dist/index.js'];
  while (pending.length > 0) {
    const name = pending.pop();
    if (modules.has(name)) continue;
    const file = join(root, name);
    modules.set(name, file);
    const source = readFileSync(file, 'utf8');
    for (const [, specifier] of source.matchAll(/(?:\bfrom\s*|\bimport\s*\(?\s*)["'](\.{1,2}\/[^"']+)["']/g))
      pending.push(posix.join(posix.dirname(name), specifier));
  }
  const openapiFetch = join(root, 'node_modules/openapi-fetch/dist/index.mjs');
  modules.set('dist/openapi-fetch', openapiFetch);
  return modules;
}

/** A workerd config running the smoke as a worker under `workerd test`, its fetch() allowed to loopback only. */
function workerdConfig(directory, mockUrl) {
  const embed = (file) => JSON.stringify(relative(directory, file).split('\\').join('/'));
  const modules = [...workerModules()]
    .map(([name, file]) => `    (name = ${JSON.stringify(name)}, esModule = embed ${embed(file)}),`)
    .join('\n');
  const config = `using Workerd = import "/workerd/workerd.capnp";

const config :Workerd.Config = (
  services = [
    (name = "smoke", worker = .smoke),
    # The mock listens on 127.0.0.1; workerd's default network reaches public addresses only.
    (name = "loopback", network = (allow = ["local"])),
  ],
);

const smoke :Workerd.Worker = (
  modules = [
${modules}
  ],
  compatibilityDate = "${WORKERD_COMPATIBILITY_DATE}",
  bindings = [(name = "MOCK_URL", text = ${JSON.stringify(mockUrl)})],
  globalOutbound = "loopback",
);
`;
  const file = join(directory, 'smoke.capnp');
  writeFileSync(file, config);
  return file;
}

/** The command that runs the smoke on a runtime, and its version's. */
function commands(runtime, mockUrl, scratch) {
  switch (runtime.kind) {
    case 'node':
    case 'bun':
      return { smoke: [SMOKE, mockUrl], version: ['--version'] };
    case 'deno':
      // Only what the smoke needs: the network to the mock and reading the built client and node_modules.
      return {
        smoke: ['run', '--no-prompt', '--no-lock', '--allow-net=127.0.0.1', `--allow-read=${root}`, SMOKE, mockUrl],
        version: ['--version'],
        env: { DENO_DIR: join(scratch, 'deno'), DENO_NO_UPDATE_CHECK: '1' },
      };
    case 'workerd':
      return { smoke: ['test', workerdConfig(scratch, mockUrl)], version: ['--version'] };
  }
}

const { startStandaloneMock } = await import(pathToFileURL(join(root, 'dist/mock.js')).href);
const mock = await startStandaloneMock({ port: 0, host: '127.0.0.1', log: false });
const scratch = mkdtempSync(join(tmpdir(), 'runtimes-'));
console.log(`runtimes: the standalone mock at ${mock.url}, the built client from dist/`);

const results = [];
try {
  for (const runtime of runtimes) {
    mock.service.reset();
    const directory = mkdtempSync(join(scratch, `${runtime.name}-`));
    const plan = commands(runtime, mock.url, directory);
    const options = { env: { ...process.env, ...plan.env } };
    // The first line, without Deno's build details: `deno 2.9.6`.
    const version = existsSync(runtime.binary)
      ? (await run(runtime.binary, plan.version, options)).output
          .trim()
          .split('\n')[0]
          .replace(/ \(.*\)$/, '')
      : '(not found)';
    const started = performance.now();
    const { code, output } =
      version === '(not found)'
        ? { code: 127, output: `${runtime.binary} does not exist` }
        : await run(runtime.binary, plan.smoke, options);
    const seconds = (performance.now() - started) / 1000;
    const lines = output.split('\n').filter((line) => line.trim() !== '');
    const checks = lines.filter((line) => /^(ok|FAIL) /.test(line));
    // A run passes on exit code 0 with the four checks each reported ok by the runtime asked for (the smoke names the
    // runtime it finds itself on): none of these alone is trusted.
    const passed =
      code === 0 && checks.length === 4 && checks.every((line) => line.startsWith(`ok   ${runtime.kind}: `));
    console.log(`\n${passed ? '✓' : '✗'} ${runtime.name} (${version}): ${seconds.toFixed(1)} s, exit code ${code}`);
    const shown = passed && runtime.kind === 'workerd' ? checks : lines;
    for (const line of shown) console.log(`  ${line}`);
    if (!passed && checks.length !== 4) console.log(`  expected 4 check lines, got ${checks.length}`);
    else if (!passed && code === 0) console.log(`  expected every check ok on ${runtime.kind}`);
    results.push({ name: runtime.name, version, passed, seconds });
  }
} finally {
  await mock.close();
  rmSync(scratch, { recursive: true, force: true });
}

console.log('');
for (const { name, version, passed, seconds } of results)
  console.log(`${passed ? 'pass' : 'FAIL'}  ${name.padEnd(9)} ${version.padEnd(40)} ${seconds.toFixed(1)} s`);
const failed = results.filter((r) => !r.passed).map((r) => r.name);
if (failed.length > 0) console.error(`runtimes: the built client failed on ${failed.join(', ')}`);
process.exitCode = failed.length > 0 ? 1 : 0;

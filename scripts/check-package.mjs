#!/usr/bin/env node
// The package as users get it: built fresh, then publint and @arethetypeswrong/cli must find nothing, `npm pack` must
// hold exactly what package.json's `files` lists, and the package must stay within its budgets (scripts/
// package-contents.mjs): packed and unpacked size, file count, and the bytes an app that imports only the client
// loads; then what a project installing the tarball pays (scripts/consumer-figures.mjs): the time of a client-only
// `npm install`, the bytes it adds, and the type-check of a consumer with typed connectors, held to 1.25x the
// helpers-only consumer's. Prints one line per check and the figures; exits 1 on any finding.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { publint } from 'publint';
import { TYPECHECK_RATIO_BUDGET, consumerFigures } from './consumer-figures.mjs';
import { filesBelow } from './inputs-key.mjs';
import {
  BUDGETS,
  bytesByKind,
  clientOnlyFigures,
  filesMismatches,
  formatBytes,
  moduleClosure,
} from './package-contents.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const run = (command, args) => spawnSync(command, args, { cwd: root, encoding: 'utf8' });
const failures = [];

const build = run('npm', ['run', '--silent', 'build', '--', '--silent']);
if (build.status !== 0) {
  console.error(build.stdout + build.stderr);
  process.exit(1);
}
console.log(`build: dist/ (ESM, CommonJS, declarations once, connector definitions once) ${build.stdout.trim()}`);

const { messages } = await publint({ pkgDir: root, strict: true });
for (const message of messages)
  failures.push(`publint ${message.type}: ${message.code} ${JSON.stringify(message.args)}`);
console.log(`publint: ${messages.length} finding(s)`);

// The client entries are dual (ESM and CommonJS); the mock is ESM only by design (MSW's Node interceptors, the
// specs read next to dist/), and so is the browser mock (for bundlers), so CommonJS not resolving them is no problem.
// One pack, one attw run over the tarball, and the checks below read the same pack.
// PACK_DESTINATION keeps the tarball there (the package test installs that one instead of packing again).
const keep = process.env.PACK_DESTINATION;
const packDir = keep ?? mkdtempSync(join(tmpdir(), 'agent-engine-kit-attw-'));
const [pack] = JSON.parse(
  execFileSync('npm', ['pack', '--json', '--pack-destination', packDir], {
    cwd: root,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'],
  }),
);
// Its bin run by this Node directly (npx would start npm first, for nothing).
const attw = run(process.execPath, [
  join(root, 'node_modules/@arethetypeswrong/cli/dist/index.js'),
  join(packDir, pack.filename),
  '--format',
  'json',
]);
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
// What a project that installs it pays (scripts/consumer-figures.mjs), from the same tarball; --skip-consumer leaves it
// out: the packaging test, which installs the tarball itself while other suites load the machine, where timings mean
// little. .ci/run runs the whole check on its own after the suites.
const consumer = process.argv.includes('--skip-consumer') ? undefined : consumerFigures(join(packDir, pack.filename));
if (!keep) rmSync(packDir, { recursive: true, force: true });
for (const problem of problems)
  failures.push(`attw: ${problem.kind} ${problem.entrypoint ?? ''} ${problem.resolutionKind ?? ''}`);
console.log(`arethetypeswrong: ${problems.length} problem(s)`);

// What ships is what `files` lists: nothing more, nothing it lists missing, nothing the build wrote left behind, and
// every path package.json points users at.
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const packed = pack.files.map((f) => f.path).sort();
const mismatches = filesMismatches(pkg, packed, filesBelow(['dist']));
for (const line of mismatches) failures.push(`npm pack: ${line}`);
console.log(
  `files: ${mismatches.length === 0 ? `the ${packed.length} packed files are what package.json's files lists (${pkg.files.length} entries), and all of dist/` : `${mismatches.length} mismatch(es)`}`,
);

// The agent tools import the connector definitions from dist/connectors/: as JSON modules, which ESM must say.
const esm = filesBelow(['dist']).filter((path) => path.endsWith('.js'));
let definitionImports = 0;
for (const path of esm) {
  const code = readFileSync(join(root, path), 'utf8');
  for (const [call] of code.matchAll(/\bimport\("\.\/connectors\/[\w-]+\.json"[^)]*\)/g)) {
    definitionImports += 1;
    if (!call.includes('with: { type: "json" }')) failures.push(`${path}: ${call} without type json`);
  }
}
const definitions = readdirSync(join(root, 'dist/connectors')).length;
if (definitionImports !== definitions)
  failures.push(
    `dist/: ${definitionImports} imports of the ${definitions} connector definitions in ESM, one each expected`,
  );
console.log(`connector definitions: imported by ${definitionImports} import()s with type json`);

// The budgets.
const within = (figure, budget, what, format = formatBytes) => {
  if (figure > budget) failures.push(`budget: ${what} ${format(figure)} is over its budget of ${format(budget)}`);
  return `${format(figure)} (budget ${format(budget)})`;
};
const count = (n) => String(n);
console.log(
  `npm pack: ${within(packed.length, BUDGETS.files, 'file count', count)} files, ${within(pack.size, BUDGETS.packedBytes, 'packed size')} packed, ${within(pack.unpackedSize, BUDGETS.unpackedBytes, 'unpacked size')} unpacked; by kind: ${bytesByKind(
    pack.files,
  )
    .map(([kind, bytes]) => `${kind} ${formatBytes(bytes)}`)
    .join(', ')}`,
);

// An app that imports only the client: what it loads before its first call, all of it runtime-neutral.
const client = await clientOnlyFigures(root);
if (client.builtins.length > 0) failures.push(`client: dist/index.js loads Node built-ins: ${client.builtins}`);
if (client.packages.join() !== 'openapi-fetch')
  failures.push(`client: dist/index.js loads packages besides openapi-fetch: ${client.packages}`);
console.log(
  `client only: dist/index.js, the ${client.files.length - 1} chunks it imports and openapi-fetch: ${within(client.bytes, BUDGETS.clientBytes, 'the client')}, ${within(client.gzippedBytes, BUDGETS.clientGzippedBytes, 'the client gzipped')} gzipped; no Node built-in`,
);

// The browser mock shares the mock's chunks: nothing it loads, even later, may import Node (a page's bundler refuses it).
const browser = await moduleClosure(join(root, 'dist'), 'mock-browser.js', { dynamic: true });
if (browser.builtins.length > 0)
  failures.push(`browser mock: dist/mock-browser.js loads Node built-ins: ${browser.builtins}`);
if (browser.packages.some((name) => !/^msw(\/|$)/.test(name)))
  failures.push(`browser mock: dist/mock-browser.js loads packages besides msw: ${browser.packages}`);
console.log(
  `browser mock: dist/mock-browser.js and the ${browser.files.length - 1} chunks it loads import no Node built-in`,
);

if (consumer) {
  const seconds = ({ min, median, max }) => `${[min, median, max].map((ms) => (ms / 1000).toFixed(2)).join(' / ')} s`;
  const { runs, install, added, typecheck } = consumer;
  console.log(
    `client-only install: npm install of the tarball in a new project, ${seconds(install)} (min / median / max of ${runs}; npm's cache as it is, --prefer-offline); adds ${formatBytes(added.bytes)} in ${added.packages} packages`,
  );
  if (typecheck.ratio > TYPECHECK_RATIO_BUDGET)
    failures.push(
      `budget: the consumer with typed connectors checks in ${typecheck.ratio.toFixed(2)}x the time of the helpers-only consumer, over ${TYPECHECK_RATIO_BUDGET}x`,
    );
  console.log(
    `consumer type-check (tsc, check time, min / median / max of ${runs}): every helper ${seconds(typecheck.helpers.check)}; with typed connectors of five ${seconds(typecheck.typed.check)}: ${typecheck.ratio.toFixed(2)}x, fastest against fastest (budget ${TYPECHECK_RATIO_BUDGET}x); whole tsc runs ${seconds(typecheck.helpers.wall)} and ${seconds(typecheck.typed.wall)}`,
  );
}

// --json: the figures as one JSON line at the end, for npm run bench (bench/run.ts).
if (process.argv.includes('--json'))
  console.log(
    JSON.stringify({
      pack: { packedBytes: pack.size, unpackedBytes: pack.unpackedSize, files: packed.length },
      client: { bytes: client.bytes, gzippedBytes: client.gzippedBytes },
      budgets: { ...BUDGETS, typecheckRatio: TYPECHECK_RATIO_BUDGET },
      consumer,
    }),
  );

if (failures.length > 0) {
  console.error(failures.join('\n'));
  process.exit(1);
}

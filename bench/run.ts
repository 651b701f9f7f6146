// npm run bench: every figure of the kit in one run, printed as markdown and saved under bench/results/ and in
// docs/benchmarks.md. The client is measured as built (dist/), the mock as `npm start` runs it.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const PARTS = [
  'client',
  'tokens',
  'servers',
  'execute',
  'records',
  'proxy',
  'verify',
  'defects',
  'mcp',
  'types',
  'package',
];
const only = new Set((process.env.BENCH_ONLY ?? PARTS.join(',')).split(','));

execFileSync('npm', ['run', '--silent', 'build', '--', '--silent'], { cwd: root, stdio: 'inherit' });
const { benchClientOverHttp, benchClientOverhead, benchSingleFlight } = await import('./client.js');

const date = new Date().toISOString().slice(0, 10);
const machine = `${cpus().length} × ${cpus()[0]?.model.trim() ?? 'unknown CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${process.platform}`;
const out: string[] = [`# agent-engine-kit benchmarks`, '', `${date}, ${machine}. Produced by \`npm run bench\`.`, ''];
const section = (lines: string[]) => {
  out.push(...lines, '');
  console.log(`${lines.join('\n')}\n`);
};
const f = (n: number, digits = 0) =>
  n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

if (only.has('client')) {
  const rows = await benchClientOverhead(Number(process.env.BENCH_CLIENT_MS ?? 3_000));
  const bare = rows.find((r) => r.name === 'bare openapi-fetch')!;
  const kit = rows.find((r) => r.name.startsWith('agent-engine-kit client, defaults'))!;
  const noTimeout = rows.find((r) => r.name.startsWith('agent-engine-kit client: auth, retries, error mapping'))!;
  section([
    '## Client overhead per call (stubbed fetch, no network)',
    '',
    '`GET /api/v1/integrations/definitions/sources?name=git` answered by a fetch stub with the same small JSON each time, as openapi-fetch measures itself (mitata; each task timed twice, in both orders, samples pooled).',
    '',
    '| client | calls/s | mean | p99 | vs bare openapi-fetch |',
    '| --- | ---: | ---: | ---: | ---: |',
    ...rows.map(
      (r) =>
        `| ${r.name} | ${f(r.opsPerSecond)} | ${f(r.meanMicros, 1)} µs | ${f(r.p99Micros, 1)} µs | ${f(r.meanMicros / bare.meanMicros, 2)}x |`,
    ),
    '',
    `Target (the issue's configuration: auth, retries and error mapping on): within 1.3x of bare openapi-fetch. Measured: **${f(noTimeout.meanMicros / bare.meanMicros, 2)}x** (${noTimeout.meanMicros / bare.meanMicros <= 1.3 ? 'met' : 'missed'}). With the default 60 s timeout on as well: **${f(kit.meanMicros / bare.meanMicros, 2)}x**.`,
    `The last row is no client: bare openapi-fetch given a fresh AbortSignal per call, which is what any timeout that really aborts the request needs. On Node ${process.version} (undici) a Request that follows a signal costs that much by itself.`,
  ]);
  const http = await benchClientOverHttp(Number(process.env.BENCH_CLIENT_MS ?? 3_000));
  section([
    'The same call with the real fetch (undici) against a loopback `node:http` server in a process of its own, answering the same JSON:',
    '',
    '| client | calls/s | mean | p99 | vs bare openapi-fetch |',
    '| --- | ---: | ---: | ---: | ---: |',
    ...http.map(
      (r) =>
        `| ${r.name} | ${f(r.opsPerSecond)} | ${f(r.meanMicros, 1)} µs | ${f(r.p99Micros, 1)} µs | ${f(r.meanMicros / http[0]!.meanMicros, 2)}x |`,
    ),
  ]);
}

if (only.has('tokens')) {
  const rows = await benchSingleFlight();
  section([
    '## Token single-flight',
    '',
    'N calls at once on a fresh client; the token endpoint answers after 20 ms. Every call waits for the one token request.',
    '',
    '| concurrent calls | API requests | token requests | wall time |',
    '| ---: | ---: | ---: | ---: |',
    ...rows.map((r) => `| ${r.concurrent} | ${r.apiRequests} | ${r.tokenRequests} | ${f(r.ms, 1)} ms |`),
  ]);
}

if (only.has('servers')) {
  const { benchMockFigures } = await import('./mock-figures.js');
  section([`## The mock's core`, '', ...(await benchMockFigures())]);
}

if (only.has('execute')) {
  const { benchExecute } = await import('./execute.js');
  const result = await benchExecute();
  section([
    '## Execute in the standalone mock',
    '',
    `The mock as \`npm start\` runs it (its own process), with the 51 agent connector definitions. Memory: one connector of each definition created and each of its entities read once (which builds all of its records: entities are built when first read; each read is refused for an unknown param, so nothing is answered or kept but the records), in the fresh process, before any load. Then autocannon, ${process.env.BENCH_CONNECTIONS ?? 10} connections, ${process.env.BENCH_DURATION_S ?? 10} s each, with auth, request validation, the engine (params from the definition, paging, records checked against their schema) and response validation on.`,
    '',
    "| start-up (spawn to first answer) | RSS at start | RSS with every connector's records built | building all 51 (51 creates + 584 executes, one per entity) |",
    '| ---: | ---: | ---: | ---: |',
    `| ${f(result.startupMs)} ms (target < 500) | ${f(result.rssBeforeMb)} MB | ${f(result.rssAfterMb)} MB (target < 150) | ${f(result.buildAllMs)} ms |`,
    '',
    '| request | requests/s | p99 latency |',
    '| --- | ---: | ---: |',
    ...result.rows.map((r) => `| ${r.name} | ${f(r.rps)} | ${r.p99} ms |`),
  ]);
}

if (only.has('records')) {
  const { benchLargeRecords, benchWalk } = await import('./records.js');
  type Spread = import('./spread.js').Spread;
  const ms = (s: Spread) => `${f(s.min)} / **${f(s.median)}** / ${f(s.max)} ms`;
  const walk = benchWalk(5);
  const large = await benchLargeRecords(100_000);
  section([
    '## Navigable data: the walk, and 100,000 records',
    '',
    `A user's walk over all ${walk.connectors} connectors in process (\`contract-tests/support/connector-walk.ts\`, what the walk test runs): every listable entity from the roots down through every parent, each child list checked against its parent, an unknown parent key answered 404, every listed record's get. ${walk.rounds} rounds, each on fresh datasets of another seed (the first also compiles the validators); min / median / max.`,
    '',
    '| lists | gets | unknown-parent 404s | time (min / median / max) |',
    '| ---: | ---: | ---: | ---: |',
    `| ${f(walk.lists)} | ${f(walk.gets)} | one per child list | ${ms(walk.ms)} |`,
    '',
    `\`npm start -- --records ${f(large.records)}\` (its own process): GitHub issues listed 100 a page over HTTP with \`after\` from \`end_cursor\`. The issues are made as they are first read (a few hundred ahead of the page asked for), and no other entity is built, so the first page costs a page; walking every page makes all ${f(large.records)}.`,
    '',
    `| start-up | first page | second page | every page (${f(large.pages)}) | RSS at start | RSS after the walk |`,
    '| ---: | ---: | ---: | ---: | ---: | ---: |',
    `| ${f(large.startupMs)} ms | ${f(large.firstPageMs)} ms | ${f(large.secondPageMs, 1)} ms | ${f(large.walkMs)} ms (${f(large.walkMs / (large.pages - 1), 1)} ms a page) | ${f(large.rssStartMb)} MB | ${f(large.rssAfterMb)} MB |`,
  ]);
}

if (only.has('proxy')) {
  const { benchProxy, benchReplayStartup } = await import('./proxy.js');
  type Spread = import('./spread.js').Spread;
  const ms = (s: Spread) => `${f(s.min, 2)} / **${f(s.median, 2)}** / ${f(s.max, 2)} ms`;
  const r = await benchProxy();
  const replay = await benchReplayStartup();
  const [small, execute] = r.rows as [import('./proxy.js').OverheadRow, import('./proxy.js').OverheadRow];
  section([
    '## Validating proxy (`agent-engine-kit proxy`)',
    '',
    `The proxy as the command runs it (its own process) in front of the mock as \`npm start -- --records 200\` runs it (another process), against a direct call to the same mock. One call at a time, direct and proxied alternating; ${small.calls / 100} rounds; each round's median added time, min / median / max over the rounds. Every answer is checked (the spec; for execute, every record against its entity's schema and the paging keys): ${r.violations} violations.`,
    '',
    '| call | direct (median) | through the proxy (median) | added (min / median / max of the rounds) | target |',
    '| --- | ---: | ---: | ---: | --- |',
    `| ${small.name} | ${f(small.directMs, 2)} ms | ${f(small.proxiedMs, 2)} ms | ${ms(small.addedMs)} | ≤ 1 ms (${small.addedMs.median <= 1 ? 'met' : 'missed'}) |`,
    `| ${execute.name} | ${f(execute.directMs, 2)} ms | ${f(execute.proxiedMs, 2)} ms | ${ms(execute.addedMs)} | ≤ 3 ms (${execute.addedMs.median <= 3 ? 'met' : 'missed'}) |`,
    '',
    `Replay start-up with a recording of ${f(replay.records)} GitHub issues (${replay.records / 100} pages of 100, as the proxy records them: a ${f(replay.megabytes, 1)} MB HAR); ${replay.rounds} rounds, min / median / max:`,
    '',
    '| what | time | target |',
    '| --- | ---: | --- |',
    `| the replay: reading, checking and seeding the store from the file (\`new MockService({ replay })\`, in process) | ${ms(replay.inProcessMs)} | < 1 s (${replay.inProcessMs.median < 1000 ? 'met' : 'missed'}) |`,
    `| \`npm start -- --replay FILE\`, spawn to first answer (its own process) | ${ms(replay.replayMs)} | |`,
    `| \`npm start\` without a recording, spawn to first answer | ${ms(replay.plainMs)} | |`,
    '',
    `A ${f(r.stream.megabytes)} MB download through the proxy (its own process; the upstream a node:http server writing 64 kB chunks): ${f(r.stream.seconds, 1)} s; the proxy's RSS ${f(r.stream.rssBeforeMb)} MB before, **${f(r.stream.rssPeakMb)} MB at its peak**, ${f(r.stream.rssAfterMb)} MB after (flat: the bytes are never held).`,
  ]);
}

if (only.has('verify')) {
  const { benchFuzz } = await import('./verify.js');
  const r = await benchFuzz();
  section([
    '## `verify --fuzz --stateful`',
    '',
    `The built command against the mock as \`npm start\` runs it (each its own process), every operation of both specs and the execute actions of the connector it makes, then the sequences along the resources (\`--stateful --all --v1\`), the default budget (25 requests per kind and operation, 100 sequences per group); ${r.rounds} runs of other seeds, min / median / max.`,
    '',
    '| requests a run | checks (check × operation) | wall time | requests/s | target |',
    '| ---: | ---: | ---: | ---: | --- |',
    `| ${f(r.requests)} | ${f(r.checks)} | ${f(r.wallMs.min / 1000, 1)} / **${f(r.wallMs.median / 1000, 1)}** / ${f(r.wallMs.max / 1000, 1)} s | ${f(r.requestsPerSecond.min)} / **${f(r.requestsPerSecond.median)}** / ${f(r.requestsPerSecond.max)} | the whole run < 60 s (${r.wallMs.median < 60_000 ? 'met' : 'missed'}) |`,
  ]);
}

if (only.has('defects')) {
  // fuzz and statefulRun from source, in process: their specs are YAML imports.
  // @ts-expect-error: plain .mjs modules without type declarations
  await import('../scripts/yaml-register.mjs');
  const { benchDefects, summarize } = await import('./defects.js');
  type Spread = import('./spread.js').Spread;
  const seeds = [1, 2, 3, 4, 5];
  const repeats = 3;
  const loadBefore = loadavg()[0]!;
  const rows = (await benchDefects(seeds, repeats)).map(summarize);
  const loadAfter = loadavg()[0]!;
  const of = (s: Spread | undefined, digits = 0, unit = '') =>
    s === undefined ? '–' : `${f(s.min, digits)} / **${f(s.median, digits)}** / ${f(s.max, digits)}${unit}`;
  const found = (r: (typeof rows)[number]) =>
    r.missed.length === 0
      ? `${r.seeds.length} of ${r.seeds.length}`
      : `**${r.seeds.length - r.missed.length} of ${r.seeds.length}** (not with seed ${r.missed.join(', ')})`;
  const code = (text: string) => `\`${text.replaceAll('|', '\\|')}\``;
  const notes = rows.flatMap((r, i) => [
    ...(r.missedUnshrunk.length > 0
      ? [
          `(${i + 1}) stopped at its first failure, the run of seed ${r.missedUnshrunk.join(', ')} reported another failure than the shrinking run of the same seed (which shrinks to any failure, not to the first one's check): no shrinking figure for it.`,
        ]
      : []),
    ...(r.varied.length > 0
      ? [`(${i + 1}) seed ${r.varied.join(', ')}: the ${repeats} repeats of the same seed did not all find the same.`]
      : []),
    ...(r.runsDiffer.length > 0
      ? [
          `(${i + 1}) seed ${r.runsDiffer.join(', ')}: the run stopped unshrunk found it after other runs than the shrinking one.`,
        ]
      : []),
  ]);
  section([
    '### Time to find and shrink each seeded defect',
    '',
    `The eight defects of the issue (\`contract-tests/support/seeded-defects.ts\`, the ones the contract tests assert are found), each in a fresh in-process mock (\`createMockFetch({ seed: 4 })\`) with that one defect, the default budget. One it takes single requests to find: \`fuzz\` restricted to its operation (\`operations\`), timed from the call to its report (its setup included: the application token, and the scoped tokens, workspace and connector that ignored_auth uses; and the operation's other properties). One it takes sequences to find: \`statefulRun\`, timed from the call to the progress line of the group that reports it. ${seeds.length} seeds each (${seeds.join(', ')}); min / **median** / max over the seeds that found it. Each seed is also run with fast-check's \`endOnFailure\` (stopped at the first failure, not shrunk: the same requests up to it): shrinking is the difference, and the size before shrinking is that run's. Each of the two runs ${repeats} times a seed, interleaved; a seed's time is the median of its ${repeats}. Shrinking sends a few requests to an in-process mock, less than the noise between two runs' times, so its time can come out negative; the requests it sent are exact. Runs: of the failing property to its first failure (stateless), sequences to the first failing one (stateful). Shrink steps: fast-check's \`numShrinks\`. Size: characters of the request below (stateless), steps (stateful).`,
    '',
    '| defect | must fail | found | time to the reported failure | of it shrinking | requests to the reported failure | of them shrinking | runs to find | shrink steps | shrunk to | size shrunk | size before shrinking |',
    '| --- | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | --- | ---: | ---: |',
    ...rows.map(
      (r, i) =>
        `| (${i + 1}) ${r.defect.name} (${r.defect.kind}) | \`${r.defect.check}\` on \`${r.defect.operation}\` | ${found(r)} | ${of(r.ms, 1, ' ms')} | ${of(r.shrinkMs, 1, ' ms')} | ${of(r.requests)} | ${of(r.shrinkRequests)} | ${of(r.runs)} | ${of(r.shrinks)} | ${r.reproductions.map(code).join('<br>') || '–'} | ${of(r.size)} | ${of(r.sizeBefore)} |`,
    ),
    ...(notes.length > 0 ? ['', ...notes] : []),
    '',
    `Load average (1 min) on the ${cpus().length} cores: ${f(loadBefore, 1)} before, ${f(loadAfter, 1)} after.`,
  ]);
}

if (only.has('mcp')) {
  const { benchMcp } = await import('./mcp.js');
  type Spread = import('./spread.js').Spread;
  const r = await benchMcp();
  const us = (s: Spread) => `${f(s.min)} / **${f(s.median)}** / ${f(s.max)} µs`;
  const ms = (s: Spread) => `${f(s.min, 1)} / **${f(s.median, 1)}** / ${f(s.max, 1)} ms`;
  section([
    '## MCP server (`agent-engine-kit mcp`)',
    '',
    `One GitHub \`issues list\` (10 issues, 3 fields each) against the same in-process mock (createMockFetch), three ways, interleaved: ${r.rounds} rounds of ${r.calls} calls each, one after another; min / median / max of the rounds' means.`,
    '',
    '| call | µs per call (min / median / max) | over the direct call (medians) |',
    '| --- | ---: | ---: |',
    `| typed client, direct (\`github.issues.list\`) | ${us(r.direct)} | |`,
    `| agent tool in-process (\`github_issues_list\`: arguments checked, answer as JSON text) | ${us(r.tool)} | ${f(r.tool.median - r.direct.median)} µs |`,
    `| MCP \`tools/call\` over stdio (server in its own process, the official client) | ${us(r.mcp)} | **${f(r.mcp.median - r.direct.median)} µs** |`,
    '',
    `A workspace with a connector of every definition (${r.every.connectors} connectors), min / median / max of 15 requests:`,
    '',
    '| tools | `tools/list` | size of the list | other |',
    '| --- | ---: | ---: | --- |',
    `| a tool per action (\`--tools static\`): ${f(r.every.staticTools)} tools | ${ms(r.every.staticListMs)} | ${f(r.every.staticListBytes / 1024)} kB | spawn to first \`tools/list\` answered: ${f(r.every.staticStartMs)} ms (51 connectors created in the in-process mock included) |`,
    `| dynamic (\`--tools dynamic\`, what \`auto\` picks here): 3 tools | ${ms(r.every.dynamicListMs)} | | \`list_connectors\`: ${ms(r.every.listConnectorsMs)} |`,
  ]);
}

if (only.has('types')) {
  // The consumer of every helper (the baseline), and the same with typed connectors of five definitions.
  const check = (config: string) => {
    const started = performance.now();
    const run = spawnSync('npx', ['tsc', '-p', config, '--extendedDiagnostics'], { cwd: root, encoding: 'utf8' });
    const wallMs = performance.now() - started;
    if (run.status !== 0) throw new Error(`${config} does not type-check:\n${run.stdout}${run.stderr}`);
    const stat = (name: string) => new RegExp(`^${name}:\\s+(.+)$`, 'm').exec(run.stdout)?.[1]?.trim() ?? '?';
    return {
      wallMs,
      check: stat('Check time'),
      total: stat('Total time'),
      types: stat('Types'),
      memory: stat('Memory used'),
    };
  };
  const helpers = check('bench/consumer/tsconfig.helpers.json');
  const typed = check('bench/consumer/tsconfig.json');
  const seconds = (text: string) => Number.parseFloat(text);
  section([
    '## Type-checking a consumer',
    '',
    '`tsc --noEmit` of `bench/consumer/consumer.ts`, which calls every helper of the package through its published types (`dist/*.d.ts`), and of the same with `bench/consumer/typed-connectors.ts`: typed connectors of five definitions (GitHub, Stripe, HubSpot, Salesforce, Zendesk Support).',
    '',
    '| consumer | wall time | check time | total (tsc) | types | memory |',
    '| --- | ---: | ---: | ---: | ---: | ---: |',
    `| every helper | ${f(helpers.wallMs)} ms | ${helpers.check} | ${helpers.total} | ${helpers.types} | ${helpers.memory} |`,
    `| every helper + typed connectors of five | ${f(typed.wallMs)} ms | ${typed.check} | ${typed.total} | ${typed.types} | ${typed.memory} |`,
    '',
    `Typed connectors: check time ${f(seconds(typed.check) / seconds(helpers.check), 2)}x the helpers alone (target: under 2x).`,
  ]);
}

if (only.has('package')) {
  // npm run check:package's own figures (one pack, one client-only install, one consumer type-check), beside the ones
  // recorded before the package was cut down (they cannot be measured again without the old tree).
  const checked = spawnSync(process.execPath, [`${root}scripts/check-package.mjs`, '--json'], {
    cwd: root,
    encoding: 'utf8',
  });
  if (checked.status !== 0) throw new Error(`check:package failed:\n${checked.stdout}${checked.stderr}`);
  const p = JSON.parse(checked.stdout.trim().split('\n').at(-1)!);
  const mb = (bytes: number) => `${f(bytes / 1e6, 2)} MB`;
  const kb = (bytes: number) => `${f(bytes / 1e3, 1)} kB`;
  const s = (spread: { min: number; median: number; max: number }) =>
    `${f(spread.min / 1000, 2)} / **${f(spread.median / 1000, 2)}** / ${f(spread.max / 1000, 2)} s`;
  section([
    '## The package',
    '',
    '`npm run check:package`: `npm pack` of a fresh build, the client-only load, and what a new project that installs the tarball pays. Before: the figures recorded when issue 22 was filed, and when its work began (the package had grown since), not measured in this run.',
    '',
    '| figure | before: filed; work began | now | budget |',
    '| --- | ---: | ---: | ---: |',
    `| packed | 3.7 MB; 4.27 MB | ${mb(p.pack.packedBytes)} | ${mb(p.budgets.packedBytes)} |`,
    `| unpacked | 28.2 MB; 31.47 MB | ${mb(p.pack.unpackedBytes)} | ${mb(p.budgets.unpackedBytes)} |`,
    `| files | 504; 536 | ${f(p.pack.files)} | ${f(p.budgets.files)} |`,
    `| an app importing only the client loads (minified / gzipped) | not recorded; 63.6 kB / 16.0 kB | ${kb(p.client.bytes)} / ${kb(p.client.gzippedBytes)} | ${kb(p.budgets.clientBytes)} / ${kb(p.budgets.clientGzippedBytes)} |`,
    `| a client-only \`npm install\` of the tarball adds | | ${mb(p.consumer.added.bytes)} in ${p.consumer.added.packages} packages | |`,
    '',
    `A client-only \`npm install\` of the tarball in a new project (npm's cache as it is, \`--prefer-offline\`): ${s(p.consumer.install)} (min / median / max of ${p.consumer.runs}).`,
    '',
    `Type-check (\`tsc\`, check time, min / median / max of ${p.consumer.runs}) of that project's consumer of every helper: ${s(p.consumer.typecheck.helpers.check)}; the same with typed connectors of five definitions: ${s(p.consumer.typecheck.typed.check)}, **${f(p.consumer.typecheck.ratio, 2)}x**, fastest against fastest (budget ${f(p.budgets.typecheckRatio, 2)}x). Whole \`tsc\` runs: ${s(p.consumer.typecheck.helpers.wall)} and ${s(p.consumer.typecheck.typed.wall)}.`,
  ]);
}

const markdown = out.join('\n');
mkdirSync(`${root}bench/results`, { recursive: true });
const everything = PARTS.every((part) => only.has(part));

/**
 * A partial run (BENCH_ONLY) replaces the sections it measured in `file` (a `## ` heading to the next), adds the ones it
 * lacks, and leaves the rest as they were; each section it wrote says when and how.
 */
function merged(file: string): string {
  if (everything || !existsSync(file)) return markdown;
  const blocks = (text: string) => {
    const parts = text.split(/^(?=## )/m);
    return { head: parts[0]!, sections: parts.slice(1) };
  };
  const was = blocks(readFileSync(file, 'utf8'));
  const now = blocks(markdown);
  const heading = (section: string) => section.split('\n', 1)[0];
  const stamped = (section: string) =>
    section.replace(/\n\n/, `\n\n_Measured ${date} by \`BENCH_ONLY=${[...only].join(',')} npm run bench\`._\n\n`);
  const sections = was.sections.map((section) => {
    const fresh = now.sections.find((candidate) => heading(candidate) === heading(section));
    return fresh ? stamped(fresh) : section;
  });
  for (const fresh of now.sections)
    if (!was.sections.some((section) => heading(section) === heading(fresh))) sections.push(stamped(fresh));
  return `${was.head}${sections.map((section) => (section.endsWith('\n') ? section : `${section}\n`)).join('')}`;
}

writeFileSync(`${root}bench/results/${date}.md`, merged(`${root}bench/results/${date}.md`));
writeFileSync(`${root}docs/benchmarks.md`, merged(`${root}docs/benchmarks.md`));
console.log(
  `saved bench/results/${date}.md and docs/benchmarks.md${everything ? '' : ` (the sections of ${[...only].join(', ')} replaced or added)`}`,
);

// The README and its guides (docs/guides/) state figures that the repository decides: how many operations each spec has, how many connector
// definitions there are, how many contract cases run, what the client weighs against its budget, what an install
// adds, and the defaults and limits of the client, the mock and the fuzzing. Each test reads a figure from those pages
// with a regex, computes the truth from the code, and compares the two. A regex that no longer finds its sentence
// fails as well, so that rewording the README cannot silently drop a check. Timings and throughput (the benchmarks,
// start-up times) depend on the machine and are left to `npm run bench`.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { SPEC_NAMES, listOperations, loadSpec } from '../../mocks/spec.js';
import { MAX_BODY_BYTES, MAX_JSON_DEPTH } from '../../mocks/pipeline/limits.js';
import { APPLICATION_TOKEN_TTL_SECONDS, SCOPED_TOKEN_TTL_SECONDS } from '../../mocks/service/config.js';
import { DEFAULT_MAX_RETRIES, DEFAULT_TIMEOUT_MS } from '../../src/core/options.js';
import { BACKOFF_BASE_MS, BACKOFF_CAP_MS, MAX_RETRY_AFTER_MS } from '../../src/core/retry.js';
import { CASES } from '../../src/verify/cases.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
/** README.md and every guide, one text: a figure may move from page to page and is still found (and checked). */
const GUIDES = join(root, 'docs', 'guides');
const readme = [
  readFileSync(join(root, 'README.md'), 'utf8'),
  ...readdirSync(GUIDES)
    .filter((name) => name.endsWith('.md'))
    .sort()
    .map((name) => readFileSync(join(GUIDES, name), 'utf8')),
].join('\n\n');

const WORDS: Record<string, number> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
};

/** A number as the README writes it: digits with thousands separators (a comma or a space), or a small word. */
const parseNumber = (text: string) => WORDS[text.toLowerCase()] ?? Number(text.replace(/[,\s]/g, ''));

/** The first group of every match of `pattern` (a global regex) in the README, as text; at least one must match. */
function stated(pattern: RegExp): string[] {
  const found = [...readme.matchAll(pattern)].map((match) => match[1]!);
  expect(
    found,
    `neither README.md nor docs/guides/ has a sentence matching ${pattern} any more: update the pattern with the sentence`,
  ).not.toEqual([]);
  return found;
}

const statedNumbers = (pattern: RegExp) => stated(pattern).map(parseNumber);

/**
 * Whether a measured size agrees with a figure the README rounds: within half a unit of the figure's last digit (the
 * rounding), and 2% more. A small change to src/ then needs no README edit, while a figure left behind by a real
 * change still fails.
 */
function agrees(figure: string, measured: number): boolean {
  const decimals = figure.split('.')[1]?.length ?? 0;
  const value = parseNumber(figure);
  return Math.abs(value - measured) <= 0.5 * 10 ** -decimals + 0.02 * measured;
}

describe("the README's figures", () => {
  const operations = Object.fromEntries(SPEC_NAMES.map((name) => [name, listOperations(loadSpec(name))]));
  const allOperations = Object.values(operations).flat();

  it('the number of operations: of both specs, of the published Agent Engine API, deprecated and inferred', () => {
    expect(statedNumbers(/mock of all (\d+) operations/g)).toEqual([allOperations.length]);

    // The spec holds the published description's operations, its deprecated token paths and one inferred operation.
    const facts = JSON.parse(readFileSync(join(root, 'contract-tests/fixtures/agent-api-facts.json'), 'utf8')) as {
      version: string;
      operations: { operationId: string }[];
    };
    const agentEngine = operations['agent-engine']!;
    const ids = new Set(agentEngine.map((op) => op.operationId));
    expect(facts.operations.filter((op) => !ids.has(op.operationId))).toEqual([]);
    expect(statedNumbers(/all (\d+) operations of the published description/g)).toEqual([facts.operations.length]);
    expect(stated(/of the published description \(version ([\d.]+)/g)).toEqual([facts.version]);
    const deprecated = agentEngine.filter((op) => op.operation.deprecated === true);
    expect(statedNumbers(/the (\w+) deprecated `\/api\/v1\/embedded\/\.\.\.` token paths/g)).toEqual([
      deprecated.length,
    ]);
    expect(stated(/and `POST (\/api\/v1\/[^`]+)` \(inferred\)/g)).toEqual([
      '/api/v1/integrations/connectors/oauth/initiate',
    ]);
    expect(agentEngine.length).toBe(facts.operations.length + deprecated.length + 1);
  });

  it('the number of agent connector definitions in openapi/connectors/', () => {
    const definitions = readdirSync(join(root, 'openapi/connectors')).filter((file) => file.endsWith('.yaml')).length;
    const patterns = [
      /each of the (\d+) connectors' definitions/g,
      /stateful MSW mock .* all (\d+) agent connectors/g,
      /The (\d+) agent connectors that `execute` runs/g,
      /\(all (\d+) of\s+`openapi\/connectors\/`\)/g,
      /runs every entity and action of all (\d+) agent connectors/g,
      /all (\d+) connector definitions/g,
    ];
    for (const pattern of patterns)
      expect(new Set(statedNumbers(pattern)), String(pattern)).toEqual(new Set([definitions]));
  });

  it('the contract cases: what the msw target runs, and what `verify --all --v1` reports', () => {
    // contract-tests/contract/contract.test.ts runs every case on the msw target.
    expect(statedNumbers(/contract target msw: (\d+) cases/g)).toEqual([CASES.length]);
    // verify leaves out the cases that need a mock's controls; with --all and --v1 it runs every other case.
    const verified = CASES.filter((c) => !c.stateful);
    const summary = [...readme.matchAll(/(\d+) passed, 0 failed; (\d+) operations answered/g)];
    expect(summary).toHaveLength(1);
    expect(Number(summary[0]![1])).toBe(verified.length);
    expect(Number(summary[0]![2])).toBe(new Set(verified.flatMap((c) => c.covers)).size);
  });

  it("the client's bundle: its budget, its size, and the chunks that load later", async () => {
    const { measureBundle, BUDGET_BYTES } = await import(pathToFileURL(join(root, 'scripts/bundle-size.mjs')).href);
    const figures = await measureBundle();
    const [sentence] = [
      ...readme.matchAll(
        /is ([\d.]+) kB minified and gzipped \(([\d,]+) bytes; budget ([\d,]+), checked by `npm test`\)/g,
      ),
    ];
    expect(sentence, 'the package row of "What the client does" states the size and the budget').toBeDefined();
    const [, kilobytes, bytes, budget] = sentence!;
    expect(parseNumber(budget!)).toBe(BUDGET_BYTES);
    expect(parseNumber(bytes!)).toBeLessThanOrEqual(BUDGET_BYTES);
    expect((parseNumber(bytes!) / 1024).toFixed(1)).toBe(kilobytes);
    expect(agrees(bytes!, figures.gzippedBytes), `README: ${bytes} bytes, measured: ${figures.gzippedBytes}`).toBe(
      true,
    );
    // The features table says the same in kilobytes; the validator and the paging table are the deferred chunks.
    for (const [pattern, measured] of [
      [/optional response validation against the spec; ([\d.]+) kB gzipped/g, figures.gzippedBytes],
      [/the validator \(specs and ajv, ([\d.]+) kB gzipped\)/g, figures.validationGzippedBytes],
      [/The table and the page loop \(([\d.]+) kB gzipped\)/g, figures.pagingGzippedBytes],
    ] as const) {
      for (const figure of stated(pattern))
        expect(
          agrees(figure, measured / 1024),
          `${pattern}: README ${figure} kB, measured ${(measured / 1024).toFixed(2)} kB`,
        ).toBe(true);
    }
  });

  it('what installing the package adds: the package and its dependencies, with theirs', () => {
    // The packages npm adds for the package's own dependencies, from the lock file (peers and optional ones are not
    // installed with it). The package test installs the packed tarball and checks its one dependency.
    const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8')) as {
      packages: Record<string, { dependencies?: Record<string, string> }>;
    };
    const { dependencies = {} } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
      dependencies?: Record<string, string>;
    };
    const installed = new Set<string>();
    const visit = (name: string) => {
      if (installed.has(name)) return;
      installed.add(name);
      const entry = lock.packages[`node_modules/${name}`];
      expect(entry, `${name} is in package-lock.json`).toBeDefined();
      for (const dependency of Object.keys(entry!.dependencies ?? {})) visit(dependency);
    };
    for (const name of Object.keys(dependencies)) visit(name);
    expect(statedNumbers(/installing the package adds (\d+) packages/g)).toEqual([1 + installed.size]);
  });

  it('the defaults and limits of the client, the mock and the fuzzing', () => {
    expect(statedNumbers(/`maxRetries` \(default (\d+)\)/g)).toEqual([DEFAULT_MAX_RETRIES]);
    expect(statedNumbers(/`timeoutMs` \(default ([\d ,]+)\)/g)).toEqual([DEFAULT_TIMEOUT_MS]);
    expect(statedNumbers(/full jitter \(([\d.]+) s base/g)).toEqual([BACKOFF_BASE_MS / 1000]);
    expect(statedNumbers(/s base, ([\d.]+) s cap\)/g)).toEqual([BACKOFF_CAP_MS / 1000]);
    expect(statedNumbers(/`retry-after-ms` up to (\d+) s/g)).toEqual([MAX_RETRY_AFTER_MS / 1000]);
    expect(statedNumbers(/(\d+)-minute application tokens/g)).toEqual([APPLICATION_TOKEN_TTL_SECONDS / 60]);
    expect(statedNumbers(/(\d+)-minute scoped and widget tokens/g)).toEqual([SCOPED_TOKEN_TTL_SECONDS / 60]);
    expect(statedNumbers(/refreshed before its (\d+) minutes end/g)).toEqual([SCOPED_TOKEN_TTL_SECONDS / 60]);
    for (const mebibytes of statedNumbers(/a body over (\d+) MiB/g))
      expect(mebibytes * 1024 * 1024).toBe(MAX_BODY_BYTES);
    expect(statedNumbers(/JSON nesting over (\d+)\s+levels/g)).toEqual([MAX_JSON_DEPTH]);
    // The fuzzing defaults live in the test itself: read them from its source.
    const fuzz = readFileSync(join(root, 'contract-tests/contract/fuzz.test.ts'), 'utf8');
    const fuzzDefault = (variable: string) =>
      Number(new RegExp(`process\\.env\\.${variable} \\?\\? (\\d+)`).exec(fuzz)?.[1]);
    expect(statedNumbers(/seed `FUZZ_SEED`, default (\d+)/g)).toEqual([fuzzDefault('FUZZ_SEED')]);
    expect(statedNumbers(/`FUZZ_RUNS`, default (\d+) per\s+operation/g)).toEqual([fuzzDefault('FUZZ_RUNS')]);
  });
});

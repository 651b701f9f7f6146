// The time `verify --fuzz [--stateful]` takes to find and shrink each seeded defect (contract-tests/support/
// seeded-defects.ts): in process, against a fresh createMockFetch({ seed: 4 }) with the one defect, a few seeds each.
// A stateless defect: `fuzz` restricted to the defect's operation, the default budget (25 requests per property); its
// time is the whole call (the failure is reported when the operation's properties have run). A stateful defect:
// `statefulRun` with the default budget (100 sequences per group); its time is from the call to the progress line of
// the group that reports the failure ("found after N sequences, shrunk in S steps to M requests").
// Each seed runs two ways: as the command runs (shrinking), and with fast-check's `endOnFailure` set globally, which
// stops a property at its first failure unshrunk; the same seed sends the same requests up to it, so the difference
// is the time spent shrinking, and the second run's reproduction is the one before shrinking. Both a few times, the
// median time kept: a run takes milliseconds, and a garbage collection in one would be most of it.
import fc from 'fast-check';
import { SEEDED_DEFECTS, type SeededDefect } from '../contract-tests/support/seeded-defects.js';
import type { FuzzFailure } from '../src/verify/fuzz.js';
import { fuzz } from '../src/verify/fuzz.js';
import { statefulRun } from '../src/verify/stateful.js';
import { type Spread, spread } from './spread.js';

const BASE = 'http://mock.test';
const credentials = { clientId: 'demo-client-id', clientSecret: 'demo-client-secret' };

/** One run of one defect: what it reported, and when. */
export interface DefectRun {
  seed: number;
  /** The defect's check failed on its operation. */
  found: boolean;
  /** From the call to the reported failure (or to the end, when none was). */
  ms: number;
  /** Stateless: runs of the failing property to its first failure. Stateful: sequences to the first failing one. */
  runs?: number;
  /** Stateless: shrink steps fast-check took (each a smaller request that still failed). */
  shrinks?: number;
  /** Stateless: the reproduction's request (method, path and query, body). Stateful: its steps, comma-separated. */
  reproduction?: string;
  /** The reproduction's size: stateless, the characters of `reproduction`; stateful, its steps. */
  size?: number;
  /** Requests sent to the reported failure (token requests, setup and cleanup included). */
  requests: number;
  /** Repeats of the same seed found different things (see `combined`). */
  varied?: boolean;
}

export interface DefectBench {
  defect: Pick<SeededDefect, 'name' | 'check' | 'operation' | 'kind'>;
  /** As the command runs: found and shrunk. */
  shrunk: DefectRun[];
  /** The same seeds, stopped at the first failure (endOnFailure): found, not shrunk. */
  unshrunk: DefectRun[];
}

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;

/** The request of a stateless reproduction, short: `GET /api/v1/workspaces?limit=100`, a body after it. */
const requestOf = (failure: FuzzFailure) => {
  const url = new URL(failure.request.url);
  const auth = failure.request.auth === 'token' ? '' : ` (auth: ${failure.request.auth})`;
  const body = failure.request.body === undefined ? '' : ` ${failure.request.body}`;
  return `${failure.request.method} ${url.pathname.replace(UUID, '{id}')}${url.search}${body}${auth}`;
};

async function runOnce(defect: SeededDefect, seed: number): Promise<DefectRun> {
  const defective = defect.inject();
  let requests = 0;
  const fetch: typeof defective = (input, init) => {
    requests++;
    return defective(input, init);
  };
  const started = performance.now();
  if (defect.kind === 'stateless') {
    const report = await fuzz({
      baseUrl: BASE,
      ...credentials,
      readOnly: false,
      seed,
      fetch,
      operations: [defect.operation],
    });
    const ms = performance.now() - started;
    const failure = report.checks.find((r) => r.check === defect.check && r.operation === defect.operation)
      ?.failures[0];
    if (!failure) return { seed, found: false, ms, requests };
    const reproduction = requestOf(failure);
    return {
      seed,
      found: true,
      ms,
      runs: failure.found?.runs,
      shrinks: failure.found?.shrinks,
      reproduction,
      size: reproduction.length,
      requests,
    };
  }
  let reportedAt: number | undefined;
  let requestsThen = 0;
  let line: string | undefined;
  const report = await statefulRun({
    baseUrl: BASE,
    ...credentials,
    seed,
    fetch,
    // The group's line, as it ends: `✗ stateful connectors: <check> on <operation> (found after N sequences, ...)`.
    onProgress: (text) => {
      if (reportedAt === undefined && text.includes(defect.check)) {
        reportedAt = performance.now();
        requestsThen = requests;
        line = text;
      }
    },
  });
  const ended = performance.now();
  const failure = report.checks.find((r) => r.check === defect.check && r.operation === defect.operation)?.failures[0];
  // No line named the check: the time is the whole run's (a progress line of another form would do that).
  const ms = (reportedAt ?? ended) - started;
  if (reportedAt === undefined) requestsThen = requests;
  if (!failure) return { seed, found: false, ms, requests: requestsThen };
  const runs = failure.found?.runs ?? /found after (\d+) sequences/.exec(line ?? '')?.[1];
  const steps = failure.reproduction.match(/^curl -X \w+ '[^']+'/gm) ?? [];
  const reproduction = steps
    .map((curl) => curl.replace(/^curl -X (\w+) '[^']*?(\/api\/v1[^']*)'$/, '$1 $2').replace(UUID, '{id}'))
    .join(', ');
  return {
    seed,
    found: true,
    ms,
    ...(runs === undefined ? {} : { runs: Number(runs) }),
    ...(failure.found ? { shrinks: failure.found.shrinks } : {}),
    size: steps.length,
    reproduction,
    requests: requestsThen,
  };
}

/** A run with fast-check's `endOnFailure` set globally (the verify modules' `fc.check` calls read it). */
async function unshrunkRun(defect: SeededDefect, seed: number): Promise<DefectRun> {
  const before = fc.readConfigureGlobal();
  fc.configureGlobal({ ...before, endOnFailure: true });
  try {
    return await runOnce(defect, seed);
  } finally {
    fc.configureGlobal(before);
  }
}

/**
 * A seed's run `repeats` times: the median time; the rest from the first, and `varied` when another repeat found
 * something else (none should: the same seed, the same requests).
 */
function combined(repeats: DefectRun[]): DefectRun {
  const [first] = repeats as [DefectRun];
  const same = (r: DefectRun) =>
    r.found === first.found &&
    r.runs === first.runs &&
    r.shrinks === first.shrinks &&
    r.size === first.size &&
    r.requests === first.requests;
  return {
    ...first,
    ms: spread(repeats.map((r) => r.ms)).median,
    ...(repeats.every(same) ? {} : { varied: true }),
  };
}

/**
 * Each defect, each seed: the run as the command runs it and the run stopped unshrunk, `repeats` times each,
 * interleaved (which of the two goes first alternates), so that drift and garbage collection hit both alike.
 */
export async function benchDefects(seeds = [1, 2, 3, 4, 5], repeats = 3): Promise<DefectBench[]> {
  const defects = Object.values(SEEDED_DEFECTS) as SeededDefect[];
  // Warm-up, not counted: the spec's validators compiled, the modules' code hot.
  await runOnce(SEEDED_DEFECTS.serverErrorOnBoundary, 0);
  await runOnce(SEEDED_DEFECTS.createdButNotListed, 0);
  const out: DefectBench[] = [];
  for (const defect of defects) {
    const shrunk: DefectRun[] = [];
    const unshrunk: DefectRun[] = [];
    for (const seed of seeds) {
      const a: DefectRun[] = [];
      const b: DefectRun[] = [];
      for (let i = 0; i < repeats; i++) {
        if ((seed + i) % 2 === 0) {
          a.push(await runOnce(defect, seed));
          b.push(await unshrunkRun(defect, seed));
        } else {
          b.push(await unshrunkRun(defect, seed));
          a.push(await runOnce(defect, seed));
        }
      }
      shrunk.push(combined(a));
      unshrunk.push(combined(b));
    }
    const { name, check, operation, kind } = defect;
    out.push({ defect: { name, check, operation, kind }, shrunk, unshrunk });
  }
  return out;
}

/** What the rounds of one defect come to. Spreads are of the rounds that found it; undefined when none did. */
export interface DefectSummary {
  defect: DefectBench['defect'];
  seeds: number[];
  /** The seeds whose shrinking run did not report the defect's check on its operation. */
  missed: number[];
  /** The seeds whose run stopped unshrunk did not (it should find what the shrinking run of its seed found). */
  missedUnshrunk: number[];
  /** From the call to the reported failure, as the command runs. */
  ms?: Spread;
  /** Each seed's shrinking run less its unshrunk run (noise can make one negative). */
  shrinkMs?: Spread;
  /** Requests to the reported failure, as the command runs. */
  requests?: Spread;
  /** Each seed's requests less its unshrunk run's: the requests shrinking sent (exact, unlike the time). */
  shrinkRequests?: Spread;
  runs?: Spread;
  /** Stateless only: statefulRun reports no shrink steps. */
  shrinks?: Spread;
  /** The shrunk reproductions, each once. */
  reproductions: string[];
  size?: Spread;
  sizeBefore?: Spread;
  /** Seeds whose two runs found the defect after different numbers of runs (expected: none, the same seed). */
  runsDiffer: number[];
  /** Seeds whose repeats found different things (expected: none). */
  varied: number[];
}

export function summarize({ defect, shrunk, unshrunk }: DefectBench): DefectSummary {
  const found = shrunk.filter((r) => r.found);
  const pairs = found.flatMap((r) => {
    const other = unshrunk.find((u) => u.seed === r.seed && u.found);
    return other ? [{ shrunk: r, unshrunk: other }] : [];
  });
  const of = (runs: DefectRun[], value: (run: DefectRun) => number | undefined) => {
    const values = runs.map(value).filter((v): v is number => v !== undefined);
    return values.length === 0 ? undefined : spread(values);
  };
  return {
    defect,
    seeds: shrunk.map((r) => r.seed),
    missed: shrunk.filter((r) => !r.found).map((r) => r.seed),
    missedUnshrunk: found.filter((r) => !pairs.some((p) => p.shrunk === r)).map((r) => r.seed),
    ms: of(found, (r) => r.ms),
    shrinkMs: pairs.length === 0 ? undefined : spread(pairs.map((p) => p.shrunk.ms - p.unshrunk.ms)),
    requests: of(found, (r) => r.requests),
    shrinkRequests: pairs.length === 0 ? undefined : spread(pairs.map((p) => p.shrunk.requests - p.unshrunk.requests)),
    runs: of(found, (r) => r.runs),
    shrinks: of(found, (r) => r.shrinks),
    reproductions: [...new Set(found.map((r) => r.reproduction!))],
    size: of(found, (r) => r.size),
    sizeBefore: of(
      pairs.map((p) => p.unshrunk),
      (r) => r.size,
    ),
    runsDiffer: pairs.filter((p) => p.shrunk.runs !== p.unshrunk.runs).map((p) => p.shrunk.seed),
    varied: [...new Set([...shrunk, ...unshrunk].filter((r) => r.varied).map((r) => r.seed))],
  };
}

if (import.meta.url === `file://${process.argv[1]}`) console.dir(await benchDefects(), { depth: 4 });

#!/usr/bin/env node
// The `agent-engine-kit` command: the stateful mock, Prism from the packaged spec, and the contract cases against any
// server.
import { spawn } from 'node:child_process';
import { accessSync, constants, existsSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve as resolvePath } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { DEFAULT_MOCK_CLIENT_ID, DEFAULT_MOCK_CLIENT_SECRET, parseRecords } from '../mocks/service/config.js';
import { InvalidPortError, parsePort, runStandaloneMock } from '../mocks/standalone.js';
import { probeTarget, statusTable, verify, type Probe } from '../src/verify/run.js';
import { isAnswerWorker, runAnswerWorker } from '../mocks/proxy/answer-worker.js';

/** The package root: this file runs from bin/ (source) or dist/ (built), one folder below it either way. */
const root = fileURLToPath(new URL('..', import.meta.url));
const SPECS = { 'agent-engine': 'openapi/agent-engine.yaml', 'airbyte-api-v1': 'openapi/airbyte-api-v1.yaml' } as const;

const HELP: Record<string, string> = {
  main: `agent-engine-kit: Airbyte Agent Engine API kit

Usage: agent-engine-kit <command> [options]

Commands:
  mock      the stateful mock of both APIs on 127.0.0.1 (the same as npm start)
  prism     Prism serving the packaged spec (static examples, request validation)
  verify    the contract cases against a server, every answer checked against the spec
  proxy     a validating proxy in front of the API: live traffic checked against the specs and the connector
            definitions, reported, and recorded as HAR with secrets redacted
  mcp       a Model Context Protocol server: the workspace's connectors as tools for AI agents

Options:
  -h, --help     help for the command: agent-engine-kit <command> --help
  -v, --version  the kit's version
`,
  mock: `Usage: agent-engine-kit mock [--port 4010] [--host 127.0.0.1] [--seed 1] [--state FILE] [--replay FILE.har]
                           [--records N] [--quiet]

The stateful mock of the Agent Engine API (/api/v1/...) and of the Airbyte API's Embedded endpoints (/v1/...).
Demo credentials: client_id=${DEFAULT_MOCK_CLIENT_ID} client_secret=${DEFAULT_MOCK_CLIENT_SECRET}
(AGENT_ENGINE_MOCK_CLIENT_ID, AGENT_ENGINE_MOCK_CLIENT_SECRET, AGENT_ENGINE_MOCK_TOKEN_TTL_SECONDS change them).

Options:
  --port <n>    port to listen on (default: $PORT or 4010; 0 picks a free one)
  --host <h>    address to listen on (default 127.0.0.1)
  --seed <n>    same seed, same ids and data (default 1)
  --state <f>   keep the store in this file between runs (default: $AGENT_ENGINE_MOCK_STATE; none: in memory)
  --replay <f>  start from a recording (a HAR 1.2 file, as proxy --record writes): its workspaces, connectors,
                templates and every record execute answered, served statefully (paged, searched, written to);
                entities it never showed are generated. Tokens are minted afresh: the demo credentials work.
                With --state, the state file must not exist yet; it keeps everything from then on
  --records <n> records each listable entity of a connector holds, built when first read (default:
                $AGENT_ENGINE_MOCK_RECORDS, else 25 to 32; up to 1,000,000)
  --quiet       no log line per request
`,
  prism: `Usage: agent-engine-kit prism [--port 4011] [--spec agent-engine|airbyte-api-v1]

Prism (@stoplight/prism-cli, installed separately: npm install -D @stoplight/prism-cli@5.14) serving the packaged
spec in static mode with request validation and --errors.

Options:
  --port <n>    port to listen on (default 4011)
  --spec <name> agent-engine (default) or airbyte-api-v1
`,
  verify: `Usage: agent-engine-kit verify <base-url> [--all | --read-only] [--v1 <url>] [--stateless] [--fuzz [--stateful] [--seed N] [--max-examples N]]

Runs the kit's contract cases against a server and checks every answer against the spec, a line per case as it
ends, then a table of the statuses each operation answered. Exits 0 when every case passes and every answer
matches the spec, 1 otherwise; when nothing answers at the URL, it says so and runs no case (exit 1).

One request before the cases also tells whether the server keeps state: a server that answers a connector nobody
made (Prism, which answers the spec's examples) is verified as with --stateless, and verify says so.

Credentials come from AIRBYTE_CLIENT_ID and AIRBYTE_CLIENT_SECRET (or --client-id / --client-secret); against
127.0.0.1 or localhost the mock's demo credentials are the default.

With --fuzz, instead of the cases: requests generated from the specs for every operation (valid ones, ones broken
on purpose, ones without a good token), under named checks (Schemathesis' names: not_a_server_error,
status_code_conformance, content_type_conformance, response_headers_conformance, response_schema_conformance,
positive_data_acceptance, negative_data_rejection, ignored_auth); each failure shrunk to the smallest request that
still fails, printed as curl lines (the token as $TOKEN). Exits 1 on any failure.

With --fuzz --stateful (not --read-only: the sequences create and delete things), then sequences along the resources,
generated as model-based tests: connectors (create, list, get, update, check, execute, delete), source and
connection templates, tokens and workspaces; checked with use_after_free (a deleted resource answers 404 and is gone
from its list), ensure_resource_availability (a created one is there at once) and model_conformance (every read
agrees with what the sequence wrote); a failing sequence is shrunk to the fewest steps that still fail, printed as
curl lines, one per step. A server that keeps no state (Prism) is found out and the sequences are skipped.

Options:
  --fuzz              the generated requests and named checks, instead of the cases
  --stateful          with --fuzz: the stateful sequences too (their rows in the same table and report)
  --seed <n>          with --fuzz: the same requests again (the seed is printed at the end of every run)
  --max-examples <n>  with --fuzz: requests per kind and operation (default 25); with --stateful also sequences
                      per resource group (default 100)
  --time-budget <s>   with --fuzz: at most this many seconds for the run, shared by the operations
  --operations <ids>  with --fuzz: only these operations, comma-separated (operationIds, and executes as
                      \`execute github issues list\`); the stateful sequences are not narrowed by it
  --report <file>     with --fuzz: JSON { seed, checks: [{ check, operation, status, failures }] }
  --report-junit <f>  with --fuzz: the same as JUnit XML
  --all               also the cases that create, change and delete things (connectors, templates, workspaces).
                      Without it, against a server that is not on 127.0.0.1, ::1 or localhost, only the cases that
                      read run, which is what to use against a real organization; on loopback everything runs.
  --read-only         only the cases that read, on loopback too (a tunnel to a real organization, say)
  --v1 <url>          the Airbyte API (v1) base URL, e.g. http://127.0.0.1:4010/v1; its case runs with --all
  --stateless         the server stores nothing (Prism): cases do not read back what they wrote, nor follow its
                      links and cursors (found out by itself for a server that answers the spec's examples)
  --client-id <id>
  --client-secret <secret>
`,
  proxy: `Usage: agent-engine-kit proxy [--upstream URL] [--upstream-v1 URL] [--port 4020] [--host 127.0.0.1] [--strict]
                            [--report FILE] [--report-junit FILE] [--fail-on-violation] [--exit-after N]
                            [--record FILE.har] [--quiet]

A validating proxy: point any client at http://127.0.0.1:4020 instead of the API (the kit's client: baseUrl; curl;
the official Python SDK: SDK_DEV_ADP_API_HOST). Every request goes on to the upstream and its answer comes back
unchanged (status, headers, body bytes, streamed). Both are checked against the specs and, for execute, against the
connector's definition (entity, action, params; every record of the answer, the paging keys): each violation is one
line on stderr as it happens (operation, direction, JSON pointer, expected and got, request id), never a secret.
Which connector an id runs is learned from the traffic (create, get, list answers), else asked of the upstream once
with the caller's own token (a read-only GET).

Options:
  --upstream <url>      the Agent Engine API (default https://api.airbyte.ai)
  --upstream-v1 <url>   the Airbyte API, for /v1/... (default https://api.airbyte.com)
  --port <n>            port to listen on (default 4020; 0 picks a free one)
  --host <h>            address to listen on (default 127.0.0.1)
  --strict              refuse a violating request with the API's own 422 before it reaches the upstream, and turn
                        a violating answer into a 502 naming the violations (default: never block traffic)
  --report <file>       on exit, JSON: { upstream, operations: { <operationId>: { <status>: calls } }, violations }
  --report-junit <file> on exit, the same as JUnit XML, a test case per operation, for CI
  --fail-on-violation   exit 1 when any violation was seen
  --exit-after <n>      stop after n requests (besides SIGINT and SIGTERM), writing the reports
  --record <file.har>   write every exchange to this HAR 1.2 file as it happens (replaced if it exists), secrets
                        always redacted (tokens, client secrets, credentials, OAuth secrets, cookies); replay it
                        with: agent-engine-kit mock --replay <file.har>
  --quiet               no log line per request
`,
  mcp: `Usage: agent-engine-kit mcp [--workspace NAME] [--base-url URL] [--tools auto|static|dynamic] [--http PORT]

A Model Context Protocol server: the connectors of a workspace (or of the organization) as tools an AI agent calls,
over stdio (what desktop MCP clients start), or over Streamable HTTP on 127.0.0.1 with --http.

Tools: one per connector, entity and action (e.g. github_issues_list), their input schemas from the connector
definitions; or three tools for any number of connectors (list_connectors, describe_action, execute_action).
Malformed arguments are refused before any request, with what to fix; answers larger than --max-result-bytes are
trimmed with a note on how to ask for the rest; the API's refusals come back as tool errors (validation: what to
change; 429: when to retry).

Credentials come from AIRBYTE_CLIENT_ID and AIRBYTE_CLIENT_SECRET (AIRBYTE_ORGANIZATION_ID when needed); against
127.0.0.1 or localhost the mock's demo credentials are the default. The base URL: --base-url, else AIRBYTE_API_HOST,
else https://api.airbyte.ai.

Options:
  --workspace <name>      only this workspace's connectors, with a token scoped to it (default:
                          $AIRBYTE_WORKSPACE; none: every connector of the organization)
  --base-url <url>        the API, e.g. http://127.0.0.1:4010 (the mock: npm start)
  --tools <mode>          static: a tool per action; dynamic: the three tools; auto (default): static while
                          there are at most 80 action tools (one connector's always fit), dynamic beyond
  --max-result-bytes <n>  the largest answer a tool gives (default 100000)
  --http <port>           serve Streamable HTTP at http://127.0.0.1:<port>/mcp instead of stdio (0: a free port)
  --max-retries <n>       retries of a failed call (429, 5xx, network) before the tool reports it (default 3);
                          0 hands every 429 to the model at once, with when to retry
  --client-id <id>
  --client-secret <secret>  (prefer AIRBYTE_CLIENT_SECRET: arguments show in the process list)
`,
};

class UsageError extends Error {}

type OptionSpec = Record<string, { type: 'string' | 'boolean' }>;

function parse(
  command: string,
  args: string[],
  options: OptionSpec,
): { values: Record<string, string | boolean | undefined>; positionals: string[] } {
  try {
    const parsed = parseArgs({
      args,
      options: { ...options, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
      strict: true,
    });
    return { values: parsed.values as Record<string, string | boolean | undefined>, positionals: parsed.positionals };
  } catch (error) {
    throw new UsageError(`${(error as Error).message}\n\n${HELP[command]}`);
  }
}

/** `--port`, else the environment's PORT when there is one to fall back on, else `fallback`; a usage error when not a port. */
function port(value: unknown, fallback: number, env?: string, flag = '--port'): number {
  try {
    if (value !== undefined) return parsePort(String(value), flag, fallback);
    return env === undefined ? fallback : parsePort(process.env[env], env, fallback);
  } catch (error) {
    if (error instanceof InvalidPortError) throw new UsageError(error.message);
    throw error;
  }
}

async function mock(args: string[]): Promise<void> {
  const { values } = parse('mock', args, {
    port: { type: 'string' },
    host: { type: 'string' },
    seed: { type: 'string' },
    state: { type: 'string' },
    replay: { type: 'string' },
    records: { type: 'string' },
    quiet: { type: 'boolean' },
  });
  if (values.help) {
    console.log(HELP.mock);
    return;
  }
  const seed = values.seed === undefined ? undefined : Number(values.seed);
  if (seed !== undefined && !Number.isInteger(seed))
    throw new UsageError(`--seed: ${String(values.seed)} is not an integer`);
  let records: number | undefined;
  try {
    records = parseRecords(values.records as string | undefined);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  await runStandaloneMock({
    port: port(values.port, 4010, 'PORT'),
    host: (values.host as string | undefined) ?? '127.0.0.1',
    ...(seed === undefined ? {} : { seed }),
    ...(values.state ? { stateFile: values.state as string } : {}),
    ...(values.replay ? { replay: values.replay as string } : {}),
    ...(records === undefined ? {} : { records }),
    ...(values.quiet ? { log: false as const } : {}),
  });
}

/** Prism's entry script, from the user's project first and then from wherever this package was installed. */
function prismScript(): string | undefined {
  for (const base of [join(process.cwd(), 'package.json'), fileURLToPath(import.meta.url)]) {
    try {
      const manifest = createRequire(base).resolve('@stoplight/prism-cli/package.json');
      const script = join(dirname(manifest), 'dist', 'index.js');
      if (existsSync(script)) return script;
    } catch {
      // not installed there
    }
  }
  return undefined;
}

async function prism(args: string[]): Promise<number> {
  const { values } = parse('prism', args, { port: { type: 'string' }, spec: { type: 'string' } });
  if (values.help) {
    console.log(HELP.prism);
    return 0;
  }
  const spec = (values.spec as string | undefined) ?? 'agent-engine';
  if (!(spec in SPECS)) throw new UsageError(`--spec: ${spec} is not one of ${Object.keys(SPECS).join(', ')}`);
  const script = prismScript();
  if (!script) {
    console.error(
      'agent-engine-kit prism: Prism is not installed. Install it next to the kit:\n  npm install -D @stoplight/prism-cli@5.14',
    );
    return 1;
  }
  const child = spawn(
    process.execPath,
    [
      script,
      'mock',
      join(root, SPECS[spec as keyof typeof SPECS]),
      '--host',
      '127.0.0.1',
      '--port',
      String(port(values.port, 4011)),
      '--errors',
    ],
    {
      stdio: 'inherit',
    },
  );
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => child.kill(signal));
  return new Promise((resolve) => child.once('exit', (code) => resolve(code ?? 1)));
}

const isLoopback = (url: URL) => ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);

/**
 * The client credentials of a command: --client-id / --client-secret, else AIRBYTE_CLIENT_ID / AIRBYTE_CLIENT_SECRET,
 * else, against 127.0.0.1 or localhost, the mock's demo ones; a usage error without them.
 */
function credentials(
  command: string,
  values: Record<string, string | boolean | undefined>,
  baseUrl: URL | undefined,
): { clientId: string; clientSecret: string } {
  const demo = baseUrl !== undefined && isLoopback(baseUrl);
  const clientId =
    (values['client-id'] as string | undefined) ??
    process.env.AIRBYTE_CLIENT_ID ??
    (demo ? DEFAULT_MOCK_CLIENT_ID : undefined);
  const clientSecret =
    (values['client-secret'] as string | undefined) ??
    process.env.AIRBYTE_CLIENT_SECRET ??
    (demo ? DEFAULT_MOCK_CLIENT_SECRET : undefined);
  if (!clientId || !clientSecret)
    throw new UsageError(
      `${command}: set AIRBYTE_CLIENT_ID and AIRBYTE_CLIENT_SECRET (or --client-id / --client-secret)`,
    );
  return { clientId, clientSecret };
}

async function verifyCommand(args: string[]): Promise<number> {
  const { values, positionals } = parse('verify', args, {
    all: { type: 'boolean' },
    'read-only': { type: 'boolean' },
    v1: { type: 'string' },
    stateless: { type: 'boolean' },
    fuzz: { type: 'boolean' },
    stateful: { type: 'boolean' },
    seed: { type: 'string' },
    'max-examples': { type: 'string' },
    'time-budget': { type: 'string' },
    operations: { type: 'string' },
    report: { type: 'string' },
    'report-junit': { type: 'string' },
    'client-id': { type: 'string' },
    'client-secret': { type: 'string' },
  });
  if (values.help) {
    console.log(HELP.verify);
    return 0;
  }
  if (positionals.length !== 1) throw new UsageError(`verify takes one base URL\n\n${HELP.verify}`);
  let baseUrl: URL;
  try {
    baseUrl = new URL(positionals[0]!);
    if (baseUrl.protocol !== 'http:' && baseUrl.protocol !== 'https:') throw new Error('not http');
  } catch {
    throw new UsageError(`verify: ${positionals[0]} is not an http(s) URL`);
  }
  const { clientId, clientSecret } = credentials('verify', values, baseUrl);

  if (values.all && values['read-only']) throw new UsageError(`verify: --all or --read-only, not both`);
  // Writes only where the user said so, or on loopback (the mock, a local deployment) unless told --read-only. The
  // kit's proxy on loopback says (Via) what it is in front of: that is the target.
  // (Loopback also decides whether the organization's settings are fuzzed, --all or not.) --fuzz probes once, here,
  // and hands the answer on; the cases' run probes for itself, so for them only a loopback target is asked now.
  const probe = values.fuzz
    ? await probeTarget(baseUrl.href, values.v1 as string | undefined)
    : !values['read-only'] && isLoopback(baseUrl)
      ? await probeTarget(baseUrl.href)
      : undefined;
  const behind = probe?.upstream;
  const loopback =
    isLoopback(baseUrl) && (behind === undefined || (URL.canParse(behind) && isLoopback(new URL(behind))));
  const readOnly = values['read-only'] === true || (!values.all && !loopback);
  const scope = readOnly
    ? values['read-only']
      ? 'read-only'
      : `read-only: ${behind ? `a proxy in front of ${behind}` : 'not a loopback target'}; --all for the rest`
    : values.all
      ? 'all'
      : 'all: a loopback target; --read-only for reads only';
  const shown = `${baseUrl.origin}${baseUrl.pathname === '/' ? '' : baseUrl.pathname}`;
  if (values.stateful && !values.fuzz) throw new UsageError(`verify: --stateful goes with --fuzz\n\n${HELP.verify}`);
  if (values.fuzz)
    return fuzzCommand(values, baseUrl, shown, readOnly, scope, loopback, probe!, clientId, clientSecret);
  console.log(`verifying ${shown} (cases: ${scope})\n`);
  const report = await verify({
    baseUrl: baseUrl.href,
    v1BaseUrl: values.v1 as string | undefined,
    clientId,
    clientSecret,
    readOnly,
    // Left out unless given: the probe decides.
    stateless: values.stateless ? true : undefined,
    onProbe: (probe) => {
      if (probe.unreachable)
        console.error(
          `agent-engine-kit verify: nothing answers at ${probe.unreachable.url} (${probe.unreachable.reason})`,
        );
      else if (probe.notApi) {
        console.error(
          `agent-engine-kit verify: ${probe.notApi.url} answers ${probe.notApi.status} with ${probe.notApi.contentType}, not the API's JSON: is it the API's base URL?`,
        );
      } else if (probe.stateless && !values.stateless) {
        console.log(
          `${shown} answered 200 for a connector that does not exist, so it keeps no state (as Prism, which answers the spec's examples): the cases run as with --stateless\n`,
        );
      }
    },
    onCase: (result) => {
      console.log(`${result.ok ? '✓' : '✗'} ${result.name} (${result.ms.toFixed(0)} ms)`);
      for (const problem of result.problems) console.log(`    ${problem}`);
    },
  });
  if (report.probe.unreachable || report.probe.notApi) return 1;
  const failed = report.results.filter((r) => !r.ok).length;
  console.log(
    `\n${report.results.length - failed} passed, ${failed} failed; ${report.coverage.size} operations answered\n`,
  );
  console.log(statusTable(report.coverage, report.notExercised).join('\n'));
  return report.ok ? 0 : 1;
}

/** Files a command writes later (reports, recordings): a usage error now for one whose folder cannot be written. */
function writableOrRefuse(files: readonly (readonly [flag: string, file: string | undefined])[]): void {
  for (const [flag, file] of files) {
    if (file === undefined) continue;
    try {
      accessSync(dirname(resolvePath(file)), constants.W_OK);
    } catch {
      throw new UsageError(`${flag}: ${file} cannot be written (its folder is missing or not writable)`);
    }
  }
}

/** A URL given as an option: http(s), nothing else. */
function httpUrl(value: unknown, flag: string, fallback: string): string {
  const text = value === undefined ? fallback : String(value);
  try {
    const url = new URL(text);
    if (url.protocol === 'http:' || url.protocol === 'https:') return text;
  } catch {
    // said below
  }
  throw new UsageError(`${flag}: ${text.slice(0, 100)} is not an http(s) URL`);
}

async function proxyCommand(args: string[]): Promise<number> {
  const { values, positionals } = parse('proxy', args, {
    upstream: { type: 'string' },
    'upstream-v1': { type: 'string' },
    port: { type: 'string' },
    host: { type: 'string' },
    strict: { type: 'boolean' },
    report: { type: 'string' },
    'report-junit': { type: 'string' },
    'fail-on-violation': { type: 'boolean' },
    'exit-after': { type: 'string' },
    record: { type: 'string' },
    quiet: { type: 'boolean' },
  });
  if (values.help) {
    console.log(HELP.proxy);
    return 0;
  }
  if (positionals.length > 0) throw new UsageError(`proxy takes no arguments besides options\n\n${HELP.proxy}`);
  const exitText = values['exit-after'] as string | undefined;
  const exitAfter = exitText === undefined ? undefined : /^\d{1,9}$/.test(exitText) ? Number(exitText) : Number.NaN;
  if (exitAfter !== undefined && !(exitAfter >= 1))
    throw new UsageError(`--exit-after: ${exitText} is not a whole number of requests of at least 1`);
  const { startProxy, DEFAULT_PROXY_PORT, DEFAULT_UPSTREAM, DEFAULT_UPSTREAM_V1 } = await import(
    '../mocks/proxy/server.js'
  );
  const upstream = httpUrl(values.upstream, '--upstream', DEFAULT_UPSTREAM);
  const upstreamV1 = httpUrl(values['upstream-v1'], '--upstream-v1', DEFAULT_UPSTREAM_V1);
  const reportFile = values.report as string | undefined;
  const junitFile = values['report-junit'] as string | undefined;
  // A report is written on exit: where it cannot be is said now, not after a day of traffic.
  writableOrRefuse([
    ['--report', reportFile],
    ['--report-junit', junitFile],
    ['--record', values.record as string | undefined],
  ]);
  let stopping: Promise<number> | undefined;
  let running: Awaited<ReturnType<typeof startProxy>> | undefined;
  const stop = (): Promise<number> =>
    (stopping ??= (async () => {
      await running?.close();
      const report = running?.report;
      // Each report on its own: one that cannot be written is said in a line, and the other is still written.
      const write = (file: string | undefined, text: () => string) => {
        if (!report || !file) return;
        try {
          writeFileSync(file, text());
        } catch (error) {
          process.stderr.write(
            `agent-engine-kit proxy: ${file} could not be written (${(error as { code?: string }).code ?? 'error'})\n`,
          );
        }
      };
      write(reportFile, () => `${JSON.stringify(report!.json(), null, 2)}\n`);
      write(junitFile, () => report!.junit());
      const count = report?.violationCount ?? 0;
      process.stderr.write(`proxy: ${count} violation${count === 1 ? '' : 's'}\n`);
      return values['fail-on-violation'] && count > 0 ? 1 : 0;
    })());
  let recorder: import('../mocks/har/recorder.js').HarRecorder | undefined;
  try {
    if (values.record) {
      const { HarRecorder } = await import('../mocks/har/recorder.js');
      recorder = HarRecorder.open(values.record as string);
    }
    running = await startProxy({
      ...(recorder ? { recorder } : {}),
      upstream,
      upstreamV1,
      port: port(values.port, DEFAULT_PROXY_PORT),
      host: (values.host as string | undefined) ?? '127.0.0.1',
      strict: Boolean(values.strict),
      // Large answers are checked in a worker thread: this module, started again. Only as JavaScript (the built
      // command): a worker does not inherit the TypeScript loader of a run from source, which checks in-thread.
      ...(/\.m?js$/.test(import.meta.url) ? { checkWorker: new URL(import.meta.url) } : {}),
      ...(values.quiet ? {} : { log: (line: string) => console.log(line) }),
      ...(exitAfter === undefined
        ? {}
        : { exitAfter, onExitAfter: () => void stop().then((code) => process.exit(code)) }),
    });
  } catch (error) {
    recorder?.close();
    console.error(`agent-engine-kit proxy: ${(error as Error).message}`);
    return 1;
  }
  console.log(
    `agent-engine-kit proxy on ${running.url}: /api/v1/... -> ${upstream}, /v1/... -> ${upstreamV1}${values.strict ? ' (strict)' : ''}${values.record ? `, recording to ${values.record}` : ''}`,
  );
  for (const signal of ['SIGINT', 'SIGTERM'] as const)
    process.once(signal, () => void stop().then((code) => process.exit(code)));
  return -1; // serves until a signal or --exit-after
}

/** A whole number option, or a usage error naming it. */
function wholeNumber(value: unknown, flag: string, min: number): number | undefined {
  if (value === undefined) return undefined;
  const text = String(value);
  if (!/^\d{1,9}$/.test(text) || Number(text) < min)
    throw new UsageError(`${flag}: ${text.slice(0, 20)} is not a whole number of at least ${min}`);
  return Number(text);
}

/** `verify --fuzz`: generated requests under the named checks, a line per operation, the table, each failure. */
async function fuzzCommand(
  values: Record<string, string | boolean | undefined>,
  baseUrl: URL,
  shown: string,
  readOnly: boolean,
  scope: string,
  loopback: boolean,
  probe: Probe,
  clientId: string,
  clientSecret: string,
): Promise<number> {
  const seed = wholeNumber(values.seed, '--seed', 0);
  const maxExamples = wholeNumber(values['max-examples'], '--max-examples', 1);
  const timeBudgetSeconds = wholeNumber(values['time-budget'], '--time-budget', 1);
  const reportFile = values.report as string | undefined;
  const junitFile = values['report-junit'] as string | undefined;
  const operations = (values.operations as string | undefined)
    ?.split(',')
    .map((name) => name.trim())
    .filter(Boolean);
  if (operations?.length === 0) throw new UsageError('verify: --operations takes operation ids, comma-separated');
  writableOrRefuse([
    ['--report', reportFile],
    ['--report-junit', junitFile],
  ]);
  // The same probe as the cases': nothing answering, not the API, or a server of static examples (Prism).
  if (probe.unreachable) {
    console.error(`agent-engine-kit verify: nothing answers at ${probe.unreachable.url} (${probe.unreachable.reason})`);
    return 1;
  }
  if (probe.notApi) {
    console.error(
      `agent-engine-kit verify: ${probe.notApi.url} answers ${probe.notApi.status} with ${probe.notApi.contentType}, not the API's JSON: is it the API's base URL?`,
    );
    return 1;
  }
  if (probe.stateless)
    console.log(
      `${shown} answered 200 for a connector that does not exist, so it serves static examples (as Prism does): it checks that a token is there, not that it is one, so ignored_auth sends requests without a token only, and execute is not fuzzed by connector definitions\n`,
    );
  // Loaded only for --fuzz: fast-check and the generators are no part of the other commands.
  const { fuzz, fuzzMatrix, fuzzReportJson, fuzzReportJunit, fuzzTable } = await import('../src/verify/fuzz.js');
  console.log(`fuzzing ${shown} (operations: ${scope})${seed === undefined ? '' : `, seed ${seed}`}\n`);
  let report: Awaited<ReturnType<typeof fuzz>>;
  const started = performance.now();
  try {
    report = await fuzz({
      baseUrl: baseUrl.href,
      ...(values.v1 ? { v1BaseUrl: values.v1 as string } : {}),
      clientId,
      clientSecret,
      readOnly,
      organizationSettings: loopback,
      stateless: probe.stateless,
      ...(seed === undefined ? {} : { seed }),
      ...(maxExamples === undefined ? {} : { maxExamples }),
      ...(timeBudgetSeconds === undefined ? {} : { timeBudgetSeconds }),
      ...(operations ? { operations } : {}),
      onProgress: (line) => console.log(line),
    });
  } catch (error) {
    console.error(`agent-engine-kit verify: ${(error as Error).message}`);
    return 1;
  }
  if (values.stateful) {
    const { statefulRun, mergeChecks } = await import('../src/verify/stateful.js');
    console.log('');
    try {
      const stateful = await statefulRun({
        baseUrl: baseUrl.href,
        clientId,
        clientSecret,
        readOnly,
        // The OAuth-credentials sequences replace the organization's OAuth apps, which nothing reads back: loopback only.
        organizationSettings: loopback,
        seed: report.seed,
        probe,
        ...(maxExamples === undefined ? {} : { maxExamples }),
        onProgress: (line) => console.log(line),
      });
      if (stateful.skipped) console.log(stateful.skipped);
      report.checks = mergeChecks(report.checks, stateful.checks);
      report.requests += stateful.requests;
      report.ms = performance.now() - started;
      report.ok = report.checks.every((r) => r.status === 'passed');
    } catch (error) {
      console.error(`agent-engine-kit verify: ${(error as Error).message}`);
      return 1;
    }
  }
  console.log(`\n${fuzzMatrix(report.checks).join('\n')}\n\n${fuzzTable(report).join('\n')}\n`);
  for (const result of report.checks)
    for (const failure of result.failures) {
      console.log(`✗ ${result.check} on ${result.operation}: ${failure.message}`);
      console.log(`${failure.reproduction.replace(/^/gm, '    ')}`);
      console.log(`    answered ${failure.response.status}: ${failure.response.body.slice(0, 200)}\n`);
    }
  const failed = report.checks.filter((r) => r.status === 'failed').length;
  console.log(
    `${report.checks.length - failed} checks passed, ${failed} failed; ${report.requests} requests in ${(report.ms / 1000).toFixed(1)} s; seed ${report.seed} (--seed ${report.seed} reruns exactly)`,
  );
  if (reportFile) writeFileSync(reportFile, `${JSON.stringify(fuzzReportJson(report), null, 2)}\n`);
  if (junitFile) writeFileSync(junitFile, fuzzReportJunit(report));
  return report.ok ? 0 : 1;
}

async function mcpCommand(args: string[]): Promise<number> {
  const { values, positionals } = parse('mcp', args, {
    workspace: { type: 'string' },
    'base-url': { type: 'string' },
    tools: { type: 'string' },
    'max-result-bytes': { type: 'string' },
    http: { type: 'string' },
    'max-retries': { type: 'string' },
    'client-id': { type: 'string' },
    'client-secret': { type: 'string' },
  });
  if (values.help) {
    console.log(HELP.mcp);
    return 0;
  }
  if (positionals.length > 0) throw new UsageError(`mcp takes no arguments besides options\n\n${HELP.mcp}`);
  const tools = (values.tools as string | undefined) ?? 'auto';
  if (tools !== 'auto' && tools !== 'static' && tools !== 'dynamic')
    throw new UsageError(`--tools: ${tools} is not one of auto, static, dynamic`);
  const maxText = values['max-result-bytes'] as string | undefined;
  const maxResultBytes = maxText === undefined ? undefined : Number(maxText);
  if (maxResultBytes !== undefined && (!Number.isInteger(maxResultBytes) || maxResultBytes < 2000))
    throw new UsageError(`--max-result-bytes: ${maxText} is not an integer of at least 2000`);
  const retriesText = values['max-retries'] as string | undefined;
  const maxRetries = retriesText === undefined ? undefined : Number(retriesText);
  if (maxRetries !== undefined && (!Number.isInteger(maxRetries) || maxRetries < 0 || maxRetries > 10))
    throw new UsageError(`--max-retries: ${retriesText} is not an integer from 0 to 10`);
  const workspace = (values.workspace as string | undefined) ?? (process.env.AIRBYTE_WORKSPACE || undefined);
  if (workspace !== undefined && workspace.trim() === '') throw new UsageError('--workspace: a name is needed');
  const baseText = (values['base-url'] as string | undefined) ?? process.env.AIRBYTE_API_HOST;
  let baseUrl: URL | undefined;
  if (baseText !== undefined) {
    try {
      baseUrl = new URL(/^https?:\/\//.test(baseText) ? baseText : `https://${baseText}`);
    } catch {
      throw new UsageError(`--base-url: ${baseText} is not an http(s) URL`);
    }
  }
  const { clientId, clientSecret } = credentials('mcp', values, baseUrl);
  const { version } = createRequire(import.meta.url)(join(root, 'package.json')) as { version: string };
  // Loaded only for this command: the MCP SDK is no part of the mock's start-up.
  const { runMcp } = await import('./mcp/serve.js');
  const log = (line: string) => process.stderr.write(`${line}\n`);
  try {
    const running = await runMcp({
      baseUrl: baseUrl?.href,
      clientId,
      clientSecret,
      organizationId: process.env.AIRBYTE_ORGANIZATION_ID,
      workspace,
      tools,
      maxResultBytes,
      maxRetries,
      httpPort: values.http === undefined ? undefined : port(values.http, 0, undefined, '--http'),
      version,
      log,
    });
    for (const signal of ['SIGINT', 'SIGTERM'] as const)
      process.once(signal, () => void running.close().finally(() => process.exit(0)));
    return -1; // serves until stdin closes (stdio) or a signal
  } catch (error) {
    // Not reachable, refused credentials, an unknown workspace: one line (the kit's messages carry no secret).
    log(`agent-engine-kit mcp: ${(error as Error)?.message ?? String(error)}`);
    return 1;
  }
}

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case undefined:
        // No command is a usage error (a script that forgot its command must not pass), answered with the usage.
        throw new UsageError(`a command is needed\n\n${HELP.main}`);
      case '-h':
      case '--help':
      case 'help':
        console.log(rest[0] && HELP[rest[0]] ? HELP[rest[0]] : HELP.main);
        return 0;
      case '-v':
      case '--version': {
        const { version } = createRequire(import.meta.url)(join(root, 'package.json')) as { version: string };
        console.log(version);
        return 0;
      }
      case 'mock':
        await mock(rest);
        return -1; // keeps running until a signal
      case 'prism':
        return await prism(rest);
      case 'proxy':
        return await proxyCommand(rest);
      case 'verify':
        return await verifyCommand(rest);
      case 'mcp':
        return await mcpCommand(rest);
      default:
        throw new UsageError(`unknown command ${command}\n\n${HELP.main}`);
    }
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(`agent-engine-kit: ${error.message}`);
      return 2;
    }
    throw error;
  }
}

// Started again as the proxy's answer worker (mocks/proxy/answer-worker.ts), this module checks answers instead.
if (isAnswerWorker()) runAnswerWorker();
else {
  const code = await main(process.argv.slice(2));
  if (code >= 0) process.exitCode = code;
}

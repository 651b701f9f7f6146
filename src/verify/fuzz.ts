// `verify --fuzz`: every operation of both specs exercised with requests generated from the specs (requests.ts, the
// same generator as the kit's own fuzz tests), under the named checks of checks.ts. Per operation, fast-check runs
// three properties: valid requests, requests broken on purpose, and requests without a good token; a failing one is
// shrunk to the smallest request that still fails, sent again to say what came back, and given as a curl line.
import fc from 'fast-check';
import agentEngineSpec from '../../openapi/agent-engine.yaml';
import airbyteApiV1Spec from '../../openapi/airbyte-api-v1.yaml';
import { SpecSchemas, listOperations, type OpenApiDocument, type SpecOperation } from '../validation/spec-document.js';
import { junitXml } from './junit.js';
import { CHECK_NAMES, runChecks, type CheckName, type Observed, type RequestKind } from './checks.js';
import {
  bodyBreaks,
  parameterBreaks,
  requestArbitrary,
  type BrokenRequest,
  type GeneratedRequest,
} from './requests.js';

type Api = 'agent-engine' | 'airbyte-api-v1';

export interface FuzzOptions {
  /** The Agent Engine API, e.g. http://127.0.0.1:4010. */
  baseUrl: string;
  /** The Airbyte API (v1), e.g. http://127.0.0.1:4010/v1; its operations are left out without it. */
  v1BaseUrl?: string;
  clientId: string;
  clientSecret: string;
  /** Only the operations that read (GET): what to run against an organization one does not own. */
  readOnly: boolean;
  /** Same seed, same requests. Default: a random one, reported. */
  seed?: number;
  /** Requests per property and operation. Default 25. */
  maxExamples?: number;
  /** Seconds for the whole run; each operation gets an even share. Default: none. */
  timeBudgetSeconds?: number;
  fetch?: (input: RequestInfo | URL, init?: RequestInit) => Promise<Response>;
  /** A line per operation as it ends. */
  onProgress?: (line: string) => void;
}

/** A request as sent, enough to send it again (and to print it as curl, the token as `$TOKEN`). */
export interface SentRequest {
  method: string;
  url: string;
  /** `token`: the run's token; `none`: no Authorization header; `malformed`: a token that is none. */
  auth: 'token' | 'none' | 'malformed';
  body?: string;
}

export interface FuzzFailure {
  message: string;
  request: SentRequest;
  /** curl lines that send the request again, with the token as $TOKEN. */
  reproduction: string;
  response: { status: number; body: string };
}

export interface FuzzCheckResult {
  check: CheckName;
  operation: string;
  status: 'passed' | 'failed';
  failures: FuzzFailure[];
}

export interface FuzzReport {
  seed: number;
  checks: FuzzCheckResult[];
  /** Requests sent, and the run's wall time. */
  requests: number;
  ms: number;
  ok: boolean;
}

const SPECS: Record<Api, OpenApiDocument> = { 'agent-engine': agentEngineSpec, 'airbyte-api-v1': airbyteApiV1Spec };
const MALFORMED_TOKEN = 'not-a-token';

const quote = (text: string) => `'${text.replace(/'/g, `'\\''`)}'`;

/** curl lines for a request: the token as $TOKEN, never its value. */
export function curlOf(request: SentRequest): string {
  const parts = [`curl -X ${request.method} ${quote(request.url)}`];
  if (request.auth === 'token') parts.push(`-H 'Authorization: Bearer $TOKEN'`);
  if (request.auth === 'malformed') parts.push(`-H 'Authorization: Bearer ${MALFORMED_TOKEN}'`);
  if (request.body !== undefined) parts.push(`-H 'Content-Type: application/json' --data-raw ${quote(request.body)}`);
  return parts.join(' \\\n  ');
}

interface Target {
  api: Api;
  base: string;
  token: string;
  schemas: SpecSchemas;
}

export async function fuzz(options: FuzzOptions): Promise<FuzzReport> {
  const started = performance.now();
  const send = options.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => fetch(input, init));
  const seed = options.seed ?? Math.floor(Math.random() * 2 ** 31);
  const maxExamples = options.maxExamples ?? 25;
  let requests = 0;

  const targets: Target[] = [];
  for (const [api, base, tokenPath] of [
    ['agent-engine', options.baseUrl.replace(/\/$/, ''), '/api/v1/account/applications/token'],
    ['airbyte-api-v1', options.v1BaseUrl?.replace(/\/$/, ''), '/applications/token'],
  ] as const) {
    if (!base) continue;
    const response = await send(`${base}${tokenPath}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ client_id: options.clientId, client_secret: options.clientSecret }),
    });
    if (!response.ok) throw new Error(`${base}${tokenPath} refused the credentials (${response.status})`);
    const token = ((await response.json()) as { access_token: string }).access_token;
    targets.push({ api, base, token, schemas: new SpecSchemas(SPECS[api], api) });
  }

  const urlOf = (target: Target, op: SpecOperation, request: GeneratedRequest) => {
    const path = op.path.replace(/\{([^}]+)\}/g, (_m, name: string) => encodeURIComponent(request.path[name] ?? ''));
    const url = new URL(`${target.base}${target.api === 'airbyte-api-v1' ? path.replace(/^\/v1/, '') : path}`);
    for (const [name, value] of Object.entries(request.query))
      for (const item of Array.isArray(value) ? value : [value])
        if (item !== null && item !== undefined) url.searchParams.append(name, String(item));
    return url.href;
  };

  const exchange = async (target: Target, sent: SentRequest): Promise<Observed> => {
    requests++;
    const token = sent.auth === 'token' ? target.token : sent.auth === 'malformed' ? MALFORMED_TOKEN : undefined;
    const response = await send(sent.url, {
      method: sent.method,
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(sent.body !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      ...(sent.body !== undefined ? { body: sent.body } : {}),
    });
    return { status: response.status, headers: response.headers, text: await response.text() };
  };

  const operations = targets.flatMap((target) =>
    listOperations(target.schemas.doc)
      .filter((op) => !options.readOnly || op.method === 'get')
      .map((op) => ({ target, op })),
  );
  const budgetMs = options.timeBudgetSeconds === undefined ? undefined : options.timeBudgetSeconds * 1000;
  const results: FuzzCheckResult[] = [];

  for (const [index, { target, op }] of operations.entries()) {
    const security = op.operation.security ?? target.schemas.doc.security ?? [];
    const operation = {
      method: op.method,
      path: op.path,
      statuses: Object.keys(op.operation.responses),
      public: security.length === 0,
    };
    // Each operation an even share of what is left of the budget.
    const remaining = budgetMs === undefined ? undefined : budgetMs - (performance.now() - started);
    const share = remaining === undefined ? undefined : Math.max(50, remaining / (operations.length - index) / 3);
    const seen = new Map<CheckName, FuzzFailure[]>();
    const applied = new Set<CheckName>();

    const property = <T>(arbitrary: fc.Arbitrary<T>, toRequest: (value: T) => SentRequest, kind: RequestKind) =>
      fc.asyncProperty(arbitrary, async (value) => {
        const outcome = runChecks(target.schemas, operation, kind, await exchange(target, toRequest(value)));
        return Object.values(outcome).every((failure) => failure === undefined);
      });

    /** One property: run, then (when it failed) its shrunk counterexample sent again and each failed check noted. */
    const runProperty = async <T>(
      arbitrary: fc.Arbitrary<T>,
      toRequest: (value: T) => SentRequest,
      kind: RequestKind,
      runs: number,
    ) => {
      const verdict = await fc.check(property(arbitrary, toRequest, kind), {
        numRuns: runs,
        seed: seed + index,
        ...(share === undefined ? {} : { interruptAfterTimeLimit: share }),
      });
      const sample = verdict.counterexample?.[0] as T | undefined;
      // Which checks this kind of request was held to.
      const probe = runChecks(target.schemas, operation, kind, { status: 200, headers: new Headers(), text: '' });
      for (const check of Object.keys(probe) as CheckName[]) applied.add(check);
      if (!verdict.failed || sample === undefined) return;
      const request = toRequest(sample);
      const observed = await exchange(target, request);
      const outcome = runChecks(target.schemas, operation, kind, observed);
      for (const [check, message] of Object.entries(outcome) as [CheckName, string | undefined][]) {
        if (message === undefined) continue;
        const failures = seen.get(check) ?? [];
        failures.push({
          message,
          request,
          reproduction: curlOf(request),
          response: { status: observed.status, body: observed.text.replaceAll(target.token, '$TOKEN').slice(0, 500) },
        });
        seen.set(check, failures);
      }
    };

    const valid = requestArbitrary(target.schemas.doc, op);
    const sentOf =
      (auth: SentRequest['auth']) =>
      (request: GeneratedRequest): SentRequest => ({
        method: op.method.toUpperCase(),
        url: urlOf(target, op, request),
        auth,
        ...(request.body === undefined ? {} : { body: JSON.stringify(request.body) }),
      });
    await runProperty(valid, sentOf(operation.public ? 'none' : 'token'), 'valid', maxExamples);

    const breaks = [...parameterBreaks(target.schemas.doc, op), ...bodyBreaks(target.schemas.doc, op)];
    if (breaks.length > 0)
      await runProperty(
        fc.tuple(valid, fc.constantFrom(...breaks)).map(([request, broken]) => broken(request)),
        (broken: BrokenRequest) => ({
          ...sentOf(operation.public ? 'none' : 'token')(broken.request),
          ...(broken.bodyText === undefined ? {} : { body: broken.bodyText }),
        }),
        'broken',
        maxExamples,
      );

    if (!operation.public)
      await runProperty(
        fc.tuple(valid, fc.constantFrom<SentRequest['auth']>('none', 'malformed')),
        ([request, auth]) => sentOf(auth)(request),
        'unauthenticated',
        Math.min(maxExamples, 4),
      );

    const failedChecks: string[] = [];
    for (const check of CHECK_NAMES) {
      if (!applied.has(check)) continue;
      const failures = seen.get(check) ?? [];
      if (failures.length > 0) failedChecks.push(check);
      results.push({ check, operation: op.operationId, status: failures.length > 0 ? 'failed' : 'passed', failures });
    }
    options.onProgress?.(
      `${failedChecks.length === 0 ? '✓' : '✗'} ${op.operationId}${failedChecks.length > 0 ? `: ${failedChecks.join(', ')}` : ''}`,
    );
  }
  return {
    seed,
    checks: results,
    requests,
    ms: performance.now() - started,
    ok: results.every((r) => r.status === 'passed'),
  };
}

/** The summary: a row per check, how many operations passed and failed it. */
export function fuzzTable(report: FuzzReport): string[] {
  const width = Math.max(...CHECK_NAMES.map((c) => c.length));
  const lines = [`${'check'.padEnd(width)}  passed  failed`];
  for (const check of CHECK_NAMES) {
    const rows = report.checks.filter((r) => r.check === check);
    if (rows.length === 0) continue;
    const failed = rows.filter((r) => r.status === 'failed').length;
    lines.push(`${check.padEnd(width)}  ${String(rows.length - failed).padStart(6)}  ${String(failed).padStart(6)}`);
  }
  return lines;
}

/** The report `--report` writes: the seed, and every check of every operation with its failures. */
export function fuzzReportJson(report: FuzzReport) {
  return {
    seed: report.seed,
    checks: report.checks.map(({ check, operation, status, failures }) => ({
      check,
      operation,
      status,
      failures: failures.map(({ message, reproduction, response }) => ({ message, reproduction, response })),
    })),
  };
}

/** The same as JUnit XML (`--report-junit`): a test case per check and operation. */
export function fuzzReportJunit(report: FuzzReport): string {
  return junitXml([
    {
      name: 'agent-engine-kit verify --fuzz',
      properties: { seed: String(report.seed), requests: String(report.requests) },
      cases: report.checks.map(({ check, operation, failures }) => ({
        name: `${check} ${operation}`,
        classname: check,
        failures: failures.map((failure) => ({
          message: failure.message,
          type: check,
          details: `${failure.reproduction}\n\nanswered ${failure.response.status}: ${failure.response.body}`,
        })),
      })),
    },
  ]);
}

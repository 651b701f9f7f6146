// `verify --fuzz`: every operation of both specs exercised with requests generated from the specs (requests.ts, the
// same generator as the kit's own fuzz tests), under the named checks of checks.ts. Per operation, fast-check runs
// three properties: valid requests, requests broken on purpose, and requests without a good token; a failing one is
// shrunk to the smallest request that still fails, sent again to say what came back, and given as a curl line.
import fc from 'fast-check';
import agentEngineSpec from '../../openapi/agent-engine.yaml';
import airbyteApiV1Spec from '../../openapi/airbyte-api-v1.yaml';
import { SpecSchemas, listOperations, type OpenApiDocument, type SpecOperation } from '../validation/spec-document.js';
import { catalogEntry, loadCatalog } from '../agent/catalog.js';
import { arbitraryFor } from './arbitraries.js';
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
  /**
   * The server answers static examples (Prism, as verify's probe finds out): it checks that a token is there, not
   * that it is one, so ignored_auth sends requests without a token only.
   */
  stateless?: boolean;
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

  /** One property of an operation: which requests, how each is sent, what kind of request it is, how many. */
  interface Property<T> {
    arbitrary: fc.Arbitrary<T>;
    toRequest: (value: T) => SentRequest;
    kind: RequestKind;
    runs: number;
  }

  /**
   * An operation under its properties: each run by fast-check; when one fails, its shrunk counterexample is sent again
   * and each check it fails noted with its reproduction. Then a result per check the operation was held to.
   */
  const fuzzOperation = async (
    target: Target,
    label: string,
    operation: { method: string; path: string; statuses: string[]; public: boolean },
    properties: Property<any>[],
    index: number,
  ) => {
    // Each operation an even share of what is left of the budget.
    const remaining = budgetMs === undefined ? undefined : budgetMs - (performance.now() - started);
    const share = remaining === undefined ? undefined : Math.max(50, remaining / Math.max(1, total - index) / 3);
    const seen = new Map<CheckName, FuzzFailure[]>();
    const applied = new Set<CheckName>();
    for (const { arbitrary, toRequest, kind, runs } of properties) {
      const verdict = await fc.check(
        fc.asyncProperty(arbitrary, async (value) => {
          const outcome = runChecks(target.schemas, operation, kind, await exchange(target, toRequest(value)));
          return Object.values(outcome).every((failure) => failure === undefined);
        }),
        { numRuns: runs, seed: seed + index, ...(share === undefined ? {} : { interruptAfterTimeLimit: share }) },
      );
      // Which checks this kind of request is held to.
      const probe = runChecks(target.schemas, operation, kind, { status: 200, headers: new Headers(), text: '' });
      for (const check of Object.keys(probe) as CheckName[]) applied.add(check);
      const sample = verdict.counterexample?.[0];
      if (!verdict.failed || sample === undefined) continue;
      const request = toRequest(sample);
      const observed = await exchange(target, request);
      for (const [check, message] of Object.entries(runChecks(target.schemas, operation, kind, observed)) as [
        CheckName,
        string | undefined,
      ][]) {
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
    }
    const failedChecks: string[] = [];
    for (const check of CHECK_NAMES) {
      if (!applied.has(check)) continue;
      const failures = seen.get(check) ?? [];
      if (failures.length > 0) failedChecks.push(check);
      results.push({ check, operation: label, status: failures.length > 0 ? 'failed' : 'passed', failures });
    }
    options.onProgress?.(
      `${failedChecks.length === 0 ? '✓' : '✗'} ${label}${failedChecks.length > 0 ? `: ${failedChecks.join(', ')}` : ''}`,
    );
  };

  // A server of static examples knows no connector definitions: its executes are fuzzed as any operation only.
  const executes = options.stateless ? [] : await executeTargets(targets, exchange, options.readOnly);
  const total = operations.length + executes.reduce((n, e) => n + e.actions.length, 0);
  for (const [index, { target, op }] of operations.entries()) {
    const security = op.operation.security ?? target.schemas.doc.security ?? [];
    const operation = {
      method: op.method,
      path: op.path,
      statuses: Object.keys(op.operation.responses),
      public: security.length === 0,
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
    const properties: Property<any>[] = [
      { arbitrary: valid, toRequest: sentOf(operation.public ? 'none' : 'token'), kind: 'valid', runs: maxExamples },
    ];
    const breaks = [...parameterBreaks(target.schemas.doc, op), ...bodyBreaks(target.schemas.doc, op)];
    if (breaks.length > 0)
      properties.push({
        arbitrary: fc.tuple(valid, fc.constantFrom(...breaks)).map(([request, broken]) => broken(request)),
        toRequest: (broken: BrokenRequest) => ({
          ...sentOf(operation.public ? 'none' : 'token')(broken.request),
          ...(broken.bodyText === undefined ? {} : { body: broken.bodyText }),
        }),
        kind: 'broken',
        runs: maxExamples,
      });
    if (!operation.public)
      properties.push({
        arbitrary: fc.tuple(
          valid,
          options.stateless
            ? fc.constant<SentRequest['auth']>('none')
            : fc.constantFrom<SentRequest['auth']>('none', 'malformed'),
        ),
        toRequest: ([request, auth]: [GeneratedRequest, SentRequest['auth']]) => sentOf(auth)(request),
        kind: 'unauthenticated',
        runs: Math.min(maxExamples, 4),
      });
    await fuzzOperation(target, op.operationId, operation, properties, index);
  }

  // Execute, per connector the target has (or one made, where writes are allowed): every read action of its
  // definition with params generated from it, and with a param it does not take.
  let index = operations.length;
  for (const { target, connectorId, connector, actions, operation } of executes) {
    for (const { entity, action, params, scoped } of actions) {
      const url = `${target.base}/api/v1/integrations/connectors/${encodeURIComponent(connectorId)}/execute`;
      const sent = (body: unknown): SentRequest => ({ method: 'POST', url, auth: 'token', body: JSON.stringify(body) });
      const generated = arbitraryFor({}, params) as fc.Arbitrary<Record<string, unknown>>;
      // The params a request cannot do without (the connector fills the scoped ones): the base a broken request adds
      // its unknown param to, so that nothing else in it is refused first (a made-up cursor is).
      const needed = ((params.required ?? []) as string[]).filter((name) => !scoped.includes(name));
      const minimal = arbitraryFor(
        {},
        {
          type: 'object',
          properties: Object.fromEntries(needed.map((name) => [name, params.properties?.[name] ?? {}])),
          required: needed,
        },
      ) as fc.Arbitrary<Record<string, unknown>>;
      const runs = Math.max(2, Math.ceil(maxExamples / 5));
      await fuzzOperation(
        target,
        `execute ${connector} ${entity} ${action}`,
        operation,
        [
          { arbitrary: generated, toRequest: (p) => sent({ entity, action, params: p }), kind: 'valid', runs },
          {
            arbitrary: minimal,
            toRequest: (p) => sent({ entity, action, params: { ...p, not_a_param_of_this_action: 1 } }),
            kind: 'broken',
            runs,
          },
        ],
        index++,
      );
    }
  }

  return {
    seed,
    checks: results,
    requests,
    ms: performance.now() - started,
    ok: results.every((r) => r.status === 'passed'),
  };
}

/** What an execute is checked as: the API's execute operation. */
const EXECUTE_PATH = '/api/v1/integrations/connectors/{id}/execute';
/** The actions that only read: run on a target whatever it allows. */
const READ_ACTIONS = new Set(['list', 'get', 'api_search']);
const GITHUB = 'ef69ef6e-aa7f-4af1-a01d-ef775033524e';

interface ExecuteTarget {
  target: Target;
  connectorId: string;
  connector: string;
  operation: { method: string; path: string; statuses: string[]; public: boolean };
  actions: { entity: string; action: string; params: Record<string, any>; scoped: string[] }[];
}

/**
 * The connectors whose executes are fuzzed: those the target lists whose definition the kit knows (the first of each
 * definition, at most three), else, where writes are allowed, a GitHub connector made for the run.
 */
async function executeTargets(
  targets: Target[],
  exchange: (target: Target, sent: SentRequest) => Promise<Observed>,
  readOnly: boolean,
): Promise<ExecuteTarget[]> {
  const target = targets.find((t) => t.api === 'agent-engine');
  if (!target) return [];
  const execute = listOperations(target.schemas.doc).find((op) => op.path === EXECUTE_PATH);
  if (!execute) return [];
  const listed = await exchange(target, {
    method: 'GET',
    url: `${target.base}/api/v1/integrations/connectors`,
    auth: 'token',
  });
  let connectors: { id: string; definitionId: string }[] = [];
  try {
    const body = JSON.parse(listed.text) as {
      data?: { id?: string; summarized_source_template?: { actor_definition_id?: string } }[];
    };
    connectors = (body.data ?? [])
      .map((c) => ({ id: String(c.id), definitionId: String(c.summarized_source_template?.actor_definition_id) }))
      .filter((c) => catalogEntry(c.definitionId) !== undefined);
  } catch {
    connectors = [];
  }
  if (connectors.length === 0 && !readOnly) {
    const made = await exchange(target, {
      method: 'POST',
      url: `${target.base}/api/v1/integrations/connectors`,
      auth: 'token',
      body: JSON.stringify({
        workspace_name: 'default',
        definition_id: GITHUB,
        name: 'verify --fuzz',
        credentials: { token: 'verify-fuzz-placeholder' },
        replication_config: { repositories: ['airbytehq/airbyte'] },
      }),
    });
    try {
      const id = (JSON.parse(made.text) as { id?: string }).id;
      if (made.status === 200 && id) connectors = [{ id, definitionId: GITHUB }];
    } catch {
      // none made: executes are fuzzed as any operation only
    }
  }
  const byDefinition = new Map<string, { id: string; definitionId: string }>();
  for (const connector of connectors)
    if (!byDefinition.has(connector.definitionId)) byDefinition.set(connector.definitionId, connector);
  const operation = {
    method: execute.method,
    path: execute.path,
    statuses: Object.keys(execute.operation.responses),
    public: false,
  };
  const out: ExecuteTarget[] = [];
  for (const connector of [...byDefinition.values()].slice(0, 3)) {
    const catalog = await loadCatalog(catalogEntry(connector.definitionId)!);
    const actions = Object.entries(catalog.entities).flatMap(([entity, { actions }]) =>
      Object.entries(actions)
        .filter(([action]) => READ_ACTIONS.has(action))
        .map(([action, { params, scoped }]) => ({ entity, action, params, scoped: scoped ?? [] })),
    );
    out.push({ target, connectorId: connector.id, connector: catalog.name, operation, actions });
  }
  return out;
}

/**
 * The checks by operation: a row per operation, a column per check that ran (numbered, the numbers named above the
 * table), ✓ passed, ✗ failed, · not applied.
 */
export function fuzzMatrix(checks: readonly FuzzCheckResult[]): string[] {
  const ran = CHECK_NAMES.filter((check) => checks.some((r) => r.check === check));
  const operations = [...new Set(checks.map((r) => r.operation))];
  const width = Math.max(9, ...operations.map((o) => o.length));
  const outcome = new Map(checks.map((r) => [`${r.check} ${r.operation}`, r.status]));
  return [
    ...ran.map((check, i) => `${String(i + 1).padStart(2)}  ${check}`),
    '',
    `${'operation'.padEnd(width)} ${ran.map((_, i) => String(i + 1).padStart(2)).join(' ')}`,
    ...operations.map(
      (operation) =>
        `${operation.padEnd(width)} ${ran
          .map((check) => {
            const status = outcome.get(`${check} ${operation}`);
            return (status === undefined ? '·' : status === 'passed' ? '✓' : '✗').padStart(2);
          })
          .join(' ')}`,
    ),
  ];
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

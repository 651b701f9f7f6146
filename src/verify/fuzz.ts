// `verify --fuzz`: every operation of both specs exercised with requests generated from the specs (requests.ts, the
// same generator as the kit's own fuzz tests), under the named checks of checks.ts. Per operation, fast-check runs
// three properties: valid requests, requests broken on purpose, and requests without a good token; a failing one is
// shrunk to the smallest request that still fails, sent again to say what came back, and given as a curl line.
import fc from 'fast-check';
import agentEngineSpec from '../../openapi/agent-engine.yaml';
import airbyteApiV1Spec from '../../openapi/airbyte-api-v1.yaml';
import {
  SpecSchemas,
  listOperations,
  resolveRef,
  tokenKinds,
  type OpenApiDocument,
  type SpecOperation,
} from '../validation/spec-document.js';
import { catalogEntry, loadCatalog } from '../agent/catalog.js';
import { base64url } from '../core/base64url.js';
import { arbitraryFor } from './arbitraries.js';
import { junitXml } from './junit.js';
import { CHECK_NAMES, runChecks, type AuthContext, type CheckName, type Observed, type RequestKind } from './checks.js';
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
  /**
   * Also the operations that replace an organization's settings, which cannot be read back to restore them (its
   * OAuth applications: ORGANIZATION_SETTING_OPERATIONS): true only against a loopback target. Default false.
   */
  organizationSettings?: boolean;
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
  /**
   * Only these operations: operationIds, and executes as their labels (`execute github issues list`). Default: all.
   * Without an execute label among them no connector is looked up for executes.
   */
  operations?: string[];
}

/** A request as sent, enough to send it again (and to print it as curl, the token as `$TOKEN`). */
export interface SentRequest {
  method: string;
  url: string;
  /**
   * `token`: the run's application token; `none`: no Authorization header; `malformed`: a token that is none;
   * `expired`: a token past its expiry (`bearer`); `scoped`: a scoped token of `workspace`.
   */
  auth: 'token' | 'none' | 'malformed' | 'expired' | 'scoped';
  /** scoped: the workspace the token was minted for. */
  workspace?: string;
  /** expired: the token, made by the run (no secret: it was never valid). */
  bearer?: string;
  /** Header parameters of the operation (x-organization-id). */
  headers?: Record<string, string>;
  body?: string;
}

export interface FuzzFailure {
  message: string;
  request: SentRequest;
  /** curl lines that send the request again, with the token as $TOKEN. */
  reproduction: string;
  response: { status: number; body: string };
  /** What fast-check said of the property that failed: the runs to the first failure, then the shrink steps taken. */
  found?: { runs: number; shrinks: number };
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

/**
 * Operations that replace an organization's settings, which the API does not let anyone read back to restore (its
 * own OAuth application per connector): fuzzed only where `organizationSettings` allows (loopback targets).
 */
export const ORGANIZATION_SETTING_OPERATIONS: ReadonlySet<string> = new Set([
  'update_oauth_credentials',
  'delete_oauth_credentials_connector_type_connector_type',
]);

const SPECS: Record<Api, OpenApiDocument> = { 'agent-engine': agentEngineSpec, 'airbyte-api-v1': airbyteApiV1Spec };
const MALFORMED_TOKEN = 'not-a-token';

const quote = (text: string) => `'${text.replace(/'/g, `'\\''`)}'`;

/**
 * curl lines for a request: the application token as $TOKEN, never its value; a scoped token as $SCOPED_TOKEN, minted
 * by a line before it.
 */
export function curlOf(request: SentRequest): string {
  const lines: string[] = [];
  const parts = [`curl -X ${request.method} ${quote(request.url)}`];
  if (request.auth === 'token') parts.push(`-H "Authorization: Bearer $TOKEN"`);
  if (request.auth === 'malformed') parts.push(`-H 'Authorization: Bearer ${MALFORMED_TOKEN}'`);
  if (request.auth === 'expired') parts.push(`-H ${quote(`Authorization: Bearer ${request.bearer ?? ''}`)}`);
  if (request.auth === 'scoped') {
    const api = request.url.slice(0, Math.max(0, request.url.indexOf('/api/v1/')));
    lines.push(
      `SCOPED_TOKEN=$(curl -s -X POST ${quote(`${api}/api/v1/account/applications/scoped-token`)} -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' --data-raw ${quote(JSON.stringify({ workspace_name: request.workspace }))} | jq -r .token)`,
    );
    parts.push(`-H "Authorization: Bearer $SCOPED_TOKEN"`);
  }
  for (const [name, value] of Object.entries(request.headers ?? {})) parts.push(`-H ${quote(`${name}: ${value}`)}`);
  if (request.body !== undefined) parts.push(`-H 'Content-Type: application/json' --data-raw ${quote(request.body)}`);
  lines.push(parts.join(' \\\n  '));
  return lines.join('\n');
}

interface Target {
  api: Api;
  base: string;
  token: string;
  /** Values of header parameters that depend on the account (requestArbitrary's `known`). */
  known: Record<string, string>;
  schemas: SpecSchemas;
}

/**
 * What ignored_auth needs beyond the run's token, made once per run (Agent Engine only: the v1 API has no scoped
 * tokens): a token past its expiry; a scoped token of a workspace of the target's (`home`) where an application token
 * is required, and another workspace's (`other`) scoped token against home's workspace and connector.
 */
interface AuthSetup {
  expired: string;
  /** Scoped tokens by workspace name. */
  scoped: Map<string, string>;
  home?: { name: string; id?: string; connector?: { id: string; made: boolean } };
  other?: string;
  /** What the run made for this, deleted at its end. */
  made: { connector?: string; workspace?: { name: string; id?: string } };
  /** Variants that cannot run on this target, and why (said once, in the progress lines). */
  notes: string[];
}

export async function fuzz(options: FuzzOptions): Promise<FuzzReport> {
  const started = performance.now();
  const send = options.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => fetch(input, init));
  const seed = options.seed ?? Math.floor(Math.random() * 2 ** 31);
  const maxExamples = options.maxExamples ?? 25;
  let requests = 0;

  const operationIds = new Set(Object.values(SPECS).flatMap((doc) => listOperations(doc).map((op) => op.operationId)));
  const unknown = options.operations?.filter((name) => !name.startsWith('execute ') && !operationIds.has(name)) ?? [];
  if (unknown.length > 0) throw new Error(`no operation named ${unknown.join(', ')} in the specs`);

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
    const answer = (await response.json()) as { access_token: string; organization_id?: unknown };
    // The organization the token answer names is what a valid x-organization-id may say.
    const known: Record<string, string> =
      typeof answer.organization_id === 'string' ? { 'x-organization-id': answer.organization_id } : {};
    targets.push({ api, base, token: answer.access_token, known, schemas: new SpecSchemas(SPECS[api], api) });
  }

  const urlOf = (target: Target, op: SpecOperation, request: GeneratedRequest) => {
    const path = op.path.replace(/\{([^}]+)\}/g, (_m, name: string) => encodeURIComponent(request.path[name] ?? ''));
    const url = new URL(`${target.base}${target.api === 'airbyte-api-v1' ? path.replace(/^\/v1/, '') : path}`);
    for (const [name, value] of Object.entries(request.query))
      for (const item of Array.isArray(value) ? value : [value])
        if (item !== null && item !== undefined) url.searchParams.append(name, String(item));
    return url.href;
  };

  let auth: AuthSetup | undefined;
  const exchange = async (target: Target, sent: SentRequest): Promise<Observed> => {
    requests++;
    const token =
      sent.auth === 'token'
        ? target.token
        : sent.auth === 'malformed'
          ? MALFORMED_TOKEN
          : sent.auth === 'expired'
            ? sent.bearer
            : sent.auth === 'scoped'
              ? auth?.scoped.get(sent.workspace ?? '')
              : undefined;
    const response = await send(sent.url, {
      method: sent.method,
      headers: {
        ...sent.headers,
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
      .filter((op) => options.organizationSettings || !ORGANIZATION_SETTING_OPERATIONS.has(op.operationId))
      .filter((op) => options.operations === undefined || options.operations.includes(op.operationId))
      .map((op) => ({ target, op })),
  );
  if (!options.organizationSettings && targets.some((t) => t.api === 'agent-engine'))
    options.onProgress?.(
      `not fuzzed: ${[...ORGANIZATION_SETTING_OPERATIONS].join(', ')} (they replace the organization's OAuth applications, which cannot be read back; they run against a loopback target)`,
    );
  const budgetMs = options.timeBudgetSeconds === undefined ? undefined : options.timeBudgetSeconds * 1000;
  const results: FuzzCheckResult[] = [];

  /**
   * One property of an operation: which requests, how each is sent, what kind of request it is (per value when it
   * depends on it) and, for ignored_auth, what was wrong with the token; how many.
   */
  interface Property<T> {
    arbitrary: fc.Arbitrary<T>;
    toRequest: (value: T) => SentRequest;
    kind: RequestKind | ((value: T) => RequestKind);
    auth?: (value: T) => AuthContext;
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
    for (const property of properties) {
      const { arbitrary, toRequest, runs } = property;
      const kindOf = (value: unknown) => (typeof property.kind === 'function' ? property.kind(value) : property.kind);
      const verdict = await fc.check(
        fc.asyncProperty(arbitrary, async (value) => {
          const observed = await exchange(target, toRequest(value));
          const outcome = runChecks(target.schemas, operation, kindOf(value), observed, property.auth?.(value));
          return Object.values(outcome).every((failure) => failure === undefined);
        }),
        { numRuns: runs, seed: seed + index, ...(share === undefined ? {} : { interruptAfterTimeLimit: share }) },
      );
      // Which checks this kind of request is held to.
      const kind = typeof property.kind === 'function' ? 'unauthenticated' : property.kind;
      const probe = runChecks(target.schemas, operation, kind, { status: 200, headers: new Headers(), text: '' });
      for (const check of Object.keys(probe) as CheckName[]) applied.add(check);
      const sample = verdict.counterexample?.[0];
      if (!verdict.failed || sample === undefined) continue;
      const request = toRequest(sample);
      const observed = await exchange(target, request);
      const outcome = runChecks(target.schemas, operation, kindOf(sample), observed, property.auth?.(sample));
      for (const [check, message] of Object.entries(outcome) as [CheckName, string | undefined][]) {
        if (message === undefined) continue;
        const failures = seen.get(check) ?? [];
        failures.push({
          message,
          request,
          reproduction: curlOf(request),
          response: { status: observed.status, body: observed.text.replaceAll(target.token, '$TOKEN').slice(0, 500) },
          found: { runs: verdict.numRuns, shrinks: verdict.numShrinks },
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

  // A server of static examples knows no tokens and no connector definitions: without a token is what its
  // ignored_auth can try, and its executes are fuzzed as any operation only.
  const engine = targets.find((t) => t.api === 'agent-engine');
  if (!options.stateless && engine) {
    // Filled in place: the scoped tokens it mints are what `exchange` sends from then on.
    auth = { expired: expiredTokenLike(engine.token), scoped: new Map(), made: {}, notes: [] };
    await prepareAuth(auth, engine, exchange, options.readOnly);
  }
  for (const note of auth?.notes ?? []) options.onProgress?.(note);
  const executes = options.stateless ? [] : await executeTargets(targets, exchange, options.operations);
  const total = operations.length + executes.reduce((n, e) => n + e.actions.length, 0);
  for (const [index, { target, op }] of operations.entries()) {
    const kinds = tokenKinds(target.schemas.doc, op.operation);
    const operation = {
      method: op.method,
      path: op.path,
      statuses: Object.keys(op.operation.responses),
      public: kinds.size === 0,
    };
    const valid = requestArbitrary(target.schemas.doc, op, target.known);
    const sentOf =
      (auth: SentRequest['auth']) =>
      (request: GeneratedRequest): SentRequest => ({
        method: op.method.toUpperCase(),
        url: urlOf(target, op, request),
        auth,
        ...(Object.keys(request.headers).length === 0 ? {} : { headers: request.headers }),
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
    if (!operation.public) {
      // The tokens it must refuse: none, a malformed one, an expired one, and a scoped token where the operation
      // takes an application token only.
      const home = target.api === 'agent-engine' ? auth?.home?.name : undefined;
      const wrong: { sent: string; with: (r: SentRequest) => SentRequest }[] = [
        { sent: 'no token', with: (r) => ({ ...r, auth: 'none' }) },
      ];
      if (!options.stateless) {
        wrong.push({ sent: 'a malformed token', with: (r) => ({ ...r, auth: 'malformed' }) });
        if (auth && target.api === 'agent-engine')
          wrong.push({ sent: 'an expired token', with: (r) => ({ ...r, auth: 'expired', bearer: auth!.expired }) });
        if (home && auth?.scoped.has(home) && !kinds.has('scoped') && !kinds.has('*'))
          wrong.push({
            sent: `a scoped token (of workspace ${home}) where the operation takes an application token`,
            with: (r) => ({ ...r, auth: 'scoped', workspace: home }),
          });
      }
      // A property each, so that every one is tried and a failure shrinks to its own kind of token.
      for (const variant of wrong)
        properties.push({
          arbitrary: valid,
          toRequest: (request: GeneratedRequest) => variant.with(sentOf('token')(request)),
          kind: 'unauthenticated',
          auth: () => ({ sent: variant.sent }),
          runs: Math.min(maxExamples, 3),
        });
      // Another workspace's scoped token, where the operation takes scoped tokens: refused for home's workspace and
      // connector, and never answered with them.
      const other = auth?.other;
      const homeWorkspace = auth?.home;
      if (target.api === 'agent-engine' && other && auth?.scoped.has(other) && homeWorkspace && kinds.has('scoped')) {
        const leaks = [homeWorkspace.id, homeWorkspace.connector?.id].filter((id): id is string => Boolean(id));
        const aimed = fc
          .tuple(valid, fc.boolean())
          .map(([request, aim]) => aimAtHome(target.schemas.doc, op, request, aim ? homeWorkspace : undefined));
        properties.push({
          arbitrary: aimed,
          toRequest: ({ request }) => ({ ...sentOf('token')(request), auth: 'scoped', workspace: other }),
          kind: ({ named }) => (named ? 'unauthenticated' : 'foreign'),
          auth: ({ named }) => ({
            sent: named ? `workspace ${other}'s scoped token, naming ${named}` : `workspace ${other}'s scoped token`,
            leaks,
          }),
          runs: Math.min(maxExamples, 6),
        });
      }
    }
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
          additionalProperties: false,
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

  // What the run made, deleted again (not checked: it is no part of the run's cases), unless a failure's
  // reproduction names it: then it is kept for the reproduction, and said.
  const named = (text: string) =>
    results.some((r) => r.failures.some((f) => f.reproduction.includes(text) || f.message.includes(text)));
  for (const [what, key] of [
    ['connector', auth?.made.connector],
    ['workspace', auth?.made.workspace?.name],
  ] as const)
    if (key && named(key)) {
      options.onProgress?.(`kept ${what} ${key}, which the run made: a reproduction below names it`);
      if (what === 'connector') delete auth!.made.connector;
      else delete auth!.made.workspace;
    }
  if (engine && auth?.made.connector)
    await exchange(engine, {
      method: 'DELETE',
      url: `${engine.base}/api/v1/integrations/connectors/${encodeURIComponent(auth.made.connector)}`,
      auth: 'token',
    });
  if (engine && auth?.made.workspace?.id)
    await exchange(engine, {
      method: 'DELETE',
      url: `${engine.base}/api/v1/workspaces/${encodeURIComponent(auth.made.workspace.id)}`,
      auth: 'token',
    });

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

/** The connectors whose executes are fuzzed: those the target lists whose definition the kit knows (the first of
 * each definition, at most three; prepareAuth made one where the target had none and writes are allowed). */
async function executeTargets(
  targets: Target[],
  exchange: (target: Target, sent: SentRequest) => Promise<Observed>,
  only?: string[],
): Promise<ExecuteTarget[]> {
  const target = targets.find((t) => t.api === 'agent-engine');
  if (!target) return [];
  if (only !== undefined && !only.some((label) => label.startsWith('execute '))) return [];
  const execute = listOperations(target.schemas.doc).find((op) => op.path === EXECUTE_PATH);
  if (!execute) return [];
  const listed = await exchange(target, {
    method: 'GET',
    url: `${target.base}/api/v1/integrations/connectors`,
    auth: 'token',
  });
  const connectors = knownConnectors(listed);
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
        .map(([action, { params, scoped }]) => ({ entity, action, params, scoped: scoped ?? [] }))
        .filter(({ action }) => only === undefined || only.includes(`execute ${catalog.name} ${entity} ${action}`)),
    );
    out.push({ target, connectorId: connector.id, connector: catalog.name, operation, actions });
  }
  return out;
}

/** The connectors of a list answer whose definition the kit knows. */
function knownConnectors(listed: Observed): { id: string; definitionId: string }[] {
  try {
    const body = JSON.parse(listed.text) as {
      data?: { id?: string; summarized_source_template?: { actor_definition_id?: string } }[];
    };
    return (body.data ?? [])
      .map((c) => ({ id: String(c.id), definitionId: String(c.summarized_source_template?.actor_definition_id) }))
      .filter((c) => catalogEntry(c.definitionId) !== undefined);
  } catch {
    return [];
  }
}

const parseJson = (text: string): any => {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
};

/** A second workspace for ignored_auth, where the target has one workspace only and writes are allowed. */
const OTHER_WORKSPACE = 'aek-verify-fuzz-other';

/**
 * A token past its expiry, shaped as the run's own (a JWT: its `alg` and `iss`), its exp an hour ago. The kit cannot
 * sign as the issuer, so it carries a signature of none: a server must refuse it for either reason. Nothing of the
 * run's token but those two claims is in it, so it may be printed.
 */
export function expiredTokenLike(token: string): string {
  const [header, payload] = token.split('.').map((part) => parseJson(atob(part.replace(/-/g, '+').replace(/_/g, '/'))));
  const now = Math.floor(Date.now() / 1000);
  const alg = typeof header?.alg === 'string' && header.alg !== 'none' ? header.alg : 'HS256';
  const claims = {
    ...(typeof payload?.iss === 'string' ? { iss: payload.iss } : {}),
    sub: 'agent-engine-kit verify',
    iat: now - 7200,
    exp: now - 3600,
  };
  return `${base64url({ alg, typ: 'JWT' })}.${base64url(claims)}.${base64url(crypto.getRandomValues(new Uint8Array(32)))}`;
}

/**
 * ignored_auth's tokens and resources: the expired token; a workspace of the target's (`default` where it has one)
 * with a scoped token, its id and a connector (made for the run where it has none and writes are allowed: the
 * connector execute is fuzzed with too); another workspace with a scoped token (made for the run where the target
 * lists one workspace and writes are allowed). Minting a scoped token for a workspace that exists changes nothing.
 */
async function prepareAuth(
  setup: AuthSetup,
  target: Target,
  exchange: (target: Target, sent: SentRequest) => Promise<Observed>,
  readOnly: boolean,
): Promise<void> {
  const api = `${target.base}/api/v1`;
  /** A GET with the application token, or with a workspace's scoped token. */
  const get = (path: string, workspace?: string) =>
    exchange(target, {
      method: 'GET',
      url: `${api}${path}`,
      ...(workspace === undefined ? { auth: 'token' } : { auth: 'scoped', workspace }),
    });
  const mint = async (workspace: string) => {
    const answer = await exchange(target, {
      method: 'POST',
      url: `${api}/account/applications/scoped-token`,
      auth: 'token',
      body: JSON.stringify({ workspace_name: workspace }),
    });
    const token = parseJson(answer.text)?.token;
    if (answer.status !== 200 || typeof token !== 'string') return undefined;
    setup.scoped.set(workspace, token);
    const info = await get('/account/applications/scoped-token/info', workspace);
    const id = parseJson(info.text)?.workspace_id;
    return typeof id === 'string' ? id : undefined;
  };

  const names: string[] = ((parseJson((await get('/workspaces?limit=100')).text)?.data ?? []) as { name?: unknown }[])
    .map((w) => w.name)
    .filter((name): name is string => typeof name === 'string');
  const homeName = names.includes('default') ? 'default' : (names[0] ?? (readOnly ? undefined : 'default'));
  if (homeName === undefined) {
    setup.notes.push('ignored_auth: the target lists no workspace, so no scoped token is tried');
    return;
  }
  const homeId = await mint(homeName);
  if (!setup.scoped.has(homeName)) {
    setup.notes.push(`ignored_auth: no scoped token could be minted for workspace ${homeName}, so none is tried`);
    return;
  }
  setup.home = { name: homeName, ...(homeId ? { id: homeId } : {}) };
  const listed = knownConnectors(await get(`/integrations/connectors?workspace_name=${encodeURIComponent(homeName)}`));
  if (listed[0]) setup.home.connector = { id: listed[0].id, made: false };
  else if (!readOnly) {
    const made = await exchange(target, {
      method: 'POST',
      url: `${api}/integrations/connectors`,
      auth: 'token',
      body: JSON.stringify({
        workspace_name: homeName,
        definition_id: GITHUB,
        name: 'verify --fuzz',
        credentials: { token: 'verify-fuzz-placeholder' },
        replication_config: { repositories: ['airbytehq/airbyte'] },
      }),
    });
    const id = parseJson(made.text)?.id;
    if (made.status === 200 && typeof id === 'string') {
      setup.home.connector = { id, made: true };
      setup.made.connector = id;
    }
  }
  const otherName = names.find((name) => name !== homeName) ?? (readOnly ? undefined : OTHER_WORKSPACE);
  if (otherName === undefined) {
    setup.notes.push(
      "ignored_auth: the target lists one workspace, so another workspace's scoped token is not tried (--all lets the run make one)",
    );
    return;
  }
  const otherId = await mint(otherName);
  if (!setup.scoped.has(otherName)) {
    setup.notes.push(`ignored_auth: no scoped token could be minted for workspace ${otherName}`);
    return;
  }
  setup.other = otherName;
  if (!names.includes(otherName)) setup.made.workspace = { name: otherName, ...(otherId ? { id: otherId } : {}) };
}

/**
 * A request of an operation that scoped tokens may call, aimed at home's workspace and connector where it names
 * them (path `id` of a connector, `workspace_id`; query and body `workspace_name`, `workspace_id`). A write aims only at
 * a connector the run made. `named` says what it names of home's, if anything.
 */
function aimAtHome(
  doc: OpenApiDocument,
  op: SpecOperation,
  generated: GeneratedRequest,
  home: AuthSetup['home'],
): { request: GeneratedRequest; named?: string } {
  if (!home) return { request: generated };
  const request: GeneratedRequest = { ...generated, path: { ...generated.path }, query: { ...generated.query } };
  const named: string[] = [];
  const write = op.method !== 'get';
  if ('id' in request.path && op.path.startsWith('/api/v1/integrations/connectors/{id}') && home.connector) {
    if (!write || home.connector.made) {
      request.path.id = home.connector.id;
      named.push(`connector ${home.connector.id} of workspace ${home.name}`);
    }
  }
  if ('workspace_id' in request.path && home.id && !write) {
    request.path.workspace_id = home.id;
    named.push(`workspace ${home.name}`);
  }
  const queryNames = new Set(
    op.parameters
      .map((p) => resolveRef<{ name: string; in: string }>(doc, p))
      .filter((p) => p.in === 'query')
      .map((p) => p.name),
  );
  if (queryNames.has('workspace_name')) {
    request.query.workspace_name = home.name;
    named.push(`workspace ${home.name}`);
  }
  if (queryNames.has('workspace_id') && home.id) {
    request.query.workspace_id = home.id;
    named.push(`workspace ${home.name}`);
  }
  if (request.body && typeof request.body === 'object' && !Array.isArray(request.body)) {
    const body = { ...(request.body as Record<string, unknown>) };
    if ('workspace_name' in body) {
      body.workspace_name = home.name;
      named.push(`workspace ${home.name}`);
    }
    request.body = body;
  }
  return { request, ...(named.length > 0 ? { named: [...new Set(named)].join(' and ') } : {}) };
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

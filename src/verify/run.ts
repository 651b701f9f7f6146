// Running the contract cases against any server: the context every case gets (clients instrumented with a
// middleware that checks each answer against the spec), and `verify`, which first probes the server (does anything
// answer; does it keep state), then runs the cases that suit a server it does not control and reports each one.
import createClient, { type Middleware } from 'openapi-fetch';
import type { paths } from '../../generated/agent-engine.js';
import type { paths as V1Paths } from '../../generated/airbyte-api-v1.js';
import { createAgentEngineClient, createAirbyteApiClient } from '../index.js';
import { createResponseValidator, type SpecViolation } from '../validation/index.js';
import { CASES, type CaseContext, type ContractCase, type Target } from './cases.js';

/** The clients of one target, each answer passing through `middleware` (and the v1 ones through `v1Middleware`). */
export function createCaseContext(
  target: Target,
  middleware: Middleware,
  v1Middleware: Middleware = middleware,
  runId = Date.now().toString(36),
): CaseContext {
  const viaFetch = target.fetch ? { fetch: target.fetch } : {};
  const client = createAgentEngineClient({
    baseUrl: target.agentEngine,
    clientId: target.clientId,
    clientSecret: target.clientSecret,
    maxRetries: 0,
    ...viaFetch,
  });
  client.raw.use(middleware);
  const forWorkspace = client.forWorkspace.bind(client);
  // Scoped surfaces have raw clients of their own: instrument each once.
  const instrumented = new Set<unknown>();
  client.forWorkspace = (workspace: string) => {
    const scoped = forWorkspace(workspace);
    if (!instrumented.has(scoped)) {
      scoped.raw.use(middleware);
      instrumented.add(scoped);
    }
    return scoped;
  };
  const raw = createClient<paths, 'application/json'>({ baseUrl: target.agentEngine, ...viaFetch });
  raw.use(middleware);
  let v1: ReturnType<typeof createAirbyteApiClient> | undefined;
  let v1Raw: ReturnType<typeof createClient<V1Paths, 'application/json'>> | undefined;
  if (target.v1) {
    v1 = createAirbyteApiClient({
      baseUrl: target.v1,
      clientId: target.clientId,
      clientSecret: target.clientSecret,
      maxRetries: 0,
      ...viaFetch,
    });
    v1.raw.use(v1Middleware);
    v1Raw = createClient<V1Paths, 'application/json'>({ baseUrl: target.v1, ...viaFetch });
    v1Raw.use(v1Middleware);
  }
  let counter = 0;
  return { target, client, raw, v1, v1Raw, unique: (prefix) => `${prefix}-${runId}-${++counter}` };
}

export interface VerifyOptions {
  /** The Agent Engine API's base URL, e.g. http://127.0.0.1:4010 or https://api.airbyte.ai. */
  baseUrl: string;
  /** The v1 (Embedded) API's base URL; its case runs only when given (and `readOnly` is off). */
  v1BaseUrl?: string | undefined;
  clientId: string;
  clientSecret: string;
  /** Only the cases that change nothing (the default: safe against a production organization). */
  readOnly?: boolean;
  /**
   * A server that keeps no state, such as Prism: cases read back nothing they wrote. Left out, the probe before the
   * cases decides (see `probeTarget`); false insists on a stateful server.
   */
  stateless?: boolean | undefined;
  /** Called once the probe has answered, before any case runs (and instead of them when nothing answers). */
  onProbe?: (probe: Probe) => void;
  /** Called as each case ends. */
  onCase?: (result: CaseResult) => void;
}

/** What the probe before the cases learnt of the server. */
export interface Probe {
  /** Nothing answers at this URL (refused, unknown host, no answer in time), and why: no case runs. */
  unreachable?: { url: string; reason: string } | undefined;
  /** The server answers a 2xx that is not JSON (a web page, say): not the API's base URL. No case runs. */
  notApi?: { url: string; status: number; contentType: string } | undefined;
  /** The server answered a connector that cannot exist: it serves static examples (as Prism does), and keeps no state. */
  stateless: boolean;
  /** The kit's proxy answered (its `Via`), in front of this upstream origin: the target is what is behind it. */
  upstream?: string;
}

/** The upstream a `Via` header names as `agent-engine-kit-proxy (upstream ORIGIN)`, if the kit's proxy answered. */
function upstreamOf(via: string | null): string | undefined {
  return via ? /agent-engine-kit-proxy \(upstream ([^)\s]+)\)/.exec(via)?.[1] : undefined;
}

export interface CaseResult {
  name: string;
  ok: boolean;
  ms: number;
  /** What went wrong: the case's own failure and every answer that broke the spec. */
  problems: string[];
}

export interface VerifyReport {
  probe: Probe;
  /** Whether the cases ran as against a server that keeps no state (given, or found by the probe). */
  stateless: boolean;
  results: CaseResult[];
  /** Operations answered, with the statuses seen. */
  coverage: Map<string, Set<string>>;
  /** Operations of the chosen cases that never answered. */
  notExercised: string[];
  ok: boolean;
}

const PROBE_TIMEOUT_MS = 10_000;

/** Why a fetch failed, in a few words: the system's error (`connect ECONNREFUSED 127.0.0.1:1`) rather than "fetch failed". */
function failureReason(error: unknown): string {
  if (error instanceof Error && error.name === 'TimeoutError') return `no answer within ${PROBE_TIMEOUT_MS / 1000} s`;
  const cause = error instanceof Error ? (error.cause as { message?: string; code?: string } | undefined) : undefined;
  return cause?.message || cause?.code || (error instanceof Error ? error.message : String(error));
}

/**
 * One request before the cases, which tells two things. Whether anything answers at all: when nothing does, every
 * case would fail alike with "fetch failed", so verify says it once and runs none. And whether the server keeps
 * state: it asks for a connector by an id made up for the probe (a fresh random UUID, which no one has created),
 * with a bearer token no server issued. A service that stores connectors cannot answer that with a 2xx: it refuses
 * the token (401) or finds no such connector (404). A server that answers the spec's examples, as Prism does, checks
 * only that a token is there and answers its 200 example. The probe reads nothing and changes nothing, so it is safe
 * against a production organization too, and costs one request. `send` is the fetch to ask with (the global one by
 * default; `verify --fuzz --stateful` passes its own).
 */
export async function probeTarget(
  baseUrl: string,
  v1BaseUrl?: string,
  send: (input: RequestInfo | URL, init?: RequestInit) => Promise<Response> = (input, init) => fetch(input, init),
): Promise<Probe> {
  const ask = async (url: string, headers: Record<string, string> = {}) => {
    try {
      return await send(url, {
        headers: { accept: 'application/json', ...headers },
        signal: AbortSignal.timeout(PROBE_TIMEOUT_MS),
      });
    } catch (error) {
      return failureReason(error);
    }
  };
  const base = baseUrl.replace(/\/+$/, '');
  const v1 = v1BaseUrl?.replace(/\/+$/, '');
  const [answer, v1Answer] = await Promise.all([
    ask(`${base}/api/v1/integrations/connectors/${crypto.randomUUID()}`, {
      authorization: 'Bearer agent-engine-kit-verify-probe',
    }),
    v1 === undefined ? undefined : ask(`${v1}/health`),
  ]);
  if (typeof answer === 'string') return { unreachable: { url: base, reason: answer }, stateless: false };
  await answer.body?.cancel().catch(() => undefined);
  if (typeof v1Answer === 'string') return { unreachable: { url: v1!, reason: v1Answer }, stateless: false };
  await v1Answer?.body?.cancel().catch(() => undefined);
  const contentType = answer.headers.get('content-type') ?? '';
  if (answer.ok && !/json/i.test(contentType))
    return {
      notApi: { url: base, status: answer.status, contentType: contentType || 'no content type' },
      stateless: false,
    };
  const upstream = upstreamOf(answer.headers.get('via'));
  return { stateless: answer.ok, ...(upstream ? { upstream } : {}) };
}

/**
 * A case that failed on a pagination link to another host or on a cursor that repeats met what a server of static
 * examples answers (Prism's examples link to the real API and repeat one cursor). When the cases ran as against a
 * stateful server all the same (told so, or a server the probe could not tell), the hint says what to do.
 */
const LOOPING = /pagination link|cursor repeated|same page twice|Next page repeated/;
const STATELESS_HINT =
  'if this server answers static examples (as Prism does), pass --stateless: the cases then do not follow its links and cursors';

const describeViolation = (v: SpecViolation) =>
  `${v.operationId} (${v.method}) answered ${v.status}, which breaks the spec: ${v.pointer ? `${v.pointer} ` : ''}${v.message}`;

/** Runs the cases that suit a server this process does not control (no clock, no faults) and reports each. */
export async function verify(options: VerifyOptions): Promise<VerifyReport> {
  const violations: SpecViolation[] = [];
  const validator = createResponseValidator({ onViolation: (violation) => violations.push(violation) });
  const v1 = options.v1BaseUrl?.replace(/\/+$/, '');
  const selected = CASES.filter(
    (c: ContractCase) => !c.stateful && (options.readOnly ? c.readOnly && !c.v1 : !c.v1 || v1 !== undefined),
  );
  // The v1 API is probed only when a case will call it.
  const probe = await probeTarget(options.baseUrl, selected.some((c) => c.v1) ? v1 : undefined);
  const stateless = options.stateless ?? probe.stateless;
  options.onProbe?.(probe);
  if (probe.unreachable || probe.notApi)
    return { probe, stateless, results: [], coverage: validator.coverage, notExercised: [], ok: false };
  const target: Target = {
    name: 'verify',
    agentEngine: options.baseUrl.replace(/\/+$/, ''),
    v1,
    clientId: options.clientId,
    clientSecret: options.clientSecret,
    stateful: !stateless,
    live: true,
    stop: async () => {},
  };
  const context = createCaseContext(target, validator);
  const results: CaseResult[] = [];
  for (const contractCase of selected) {
    const started = performance.now();
    const problems: string[] = [];
    try {
      await contractCase.run(context);
    } catch (error) {
      problems.push(error instanceof Error ? `${error.name}: ${error.message}` : String(error));
      if (!stateless && LOOPING.test(problems[0]!)) problems.push(STATELESS_HINT);
    }
    problems.push(...violations.splice(0).map(describeViolation));
    const result = { name: contractCase.name, ok: problems.length === 0, ms: performance.now() - started, problems };
    results.push(result);
    options.onCase?.(result);
  }
  const notExercised = [...new Set(selected.flatMap((c) => c.covers))].filter((id) => !validator.coverage.has(id));
  return { probe, stateless, results, coverage: validator.coverage, notExercised, ok: results.every((r) => r.ok) };
}

/**
 * The operations × statuses table that ends a run: a row per operation answered (in the order they first answered),
 * a column per status seen in the run, ✓ where that operation answered that status; then the operations of the cases
 * that never answered.
 */
export function statusTable(coverage: Map<string, Set<string>>, notExercised: string[] = []): string[] {
  const statuses = [...new Set([...coverage.values()].flatMap((seen) => [...seen]))].sort();
  const width = Math.max(...['operation', ...coverage.keys(), ...notExercised].map((id) => id.length)) + 2;
  // A mark under the middle digit of its status.
  const lines = [`${'operation'.padEnd(width)}${statuses.map((status) => status.padEnd(5)).join('')}`.trimEnd()];
  for (const [operation, seen] of coverage)
    lines.push(
      `${operation.padEnd(width)}${statuses.map((status) => ` ${seen.has(status) ? '✓' : '·'}   `).join('')}`.trimEnd(),
    );
  for (const operation of notExercised) lines.push(`${operation.padEnd(width)}not answered`);
  return lines;
}

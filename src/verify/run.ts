// Running the contract cases against any server: the context every case gets (clients instrumented with a
// middleware that checks each answer against the spec), and `verify`, which runs the cases that suit a server it
// does not control and reports each one.
import createClient, { type Middleware } from 'openapi-fetch';
import type { paths } from '../../generated/agent-engine.js';
import type { paths as V1Paths } from '../../generated/airbyte-api-v1.js';
import { createAgentEngineClient, createAirbyteApiClient } from '../index.js';
import { createResponseValidator, type SpecViolation } from '../validation/index.js';
import { CASES, type CaseContext, type ContractCase, type Target } from './cases.js';

/** The clients of one target, each answer passing through `middleware` (and the v1 ones through `v1Middleware`). */
export function createCaseContext(target: Target, middleware: Middleware, v1Middleware: Middleware = middleware, runId = Date.now().toString(36)): CaseContext {
  const viaFetch = target.fetch ? { fetch: target.fetch } : {};
  const client = createAgentEngineClient({ baseUrl: target.agentEngine, clientId: target.clientId, clientSecret: target.clientSecret, maxRetries: 0, ...viaFetch });
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
  let v1;
  let v1Raw;
  if (target.v1) {
    v1 = createAirbyteApiClient({ baseUrl: target.v1, clientId: target.clientId, clientSecret: target.clientSecret, maxRetries: 0, ...viaFetch });
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
  /** A server that keeps no state, such as Prism: cases read back nothing they wrote. */
  stateless?: boolean;
  /** Called as each case ends. */
  onCase?: (result: CaseResult) => void;
}

export interface CaseResult {
  name: string;
  ok: boolean;
  ms: number;
  /** What went wrong: the case's own failure and every answer that broke the spec. */
  problems: string[];
}

export interface VerifyReport {
  results: CaseResult[];
  /** Operations answered, with the statuses seen. */
  coverage: Map<string, Set<string>>;
  /** Operations of the chosen cases that never answered. */
  notExercised: string[];
  ok: boolean;
}

const describeViolation = (v: SpecViolation) => `${v.operationId} (${v.method}) answered ${v.status}, which breaks the spec: ${v.pointer ? `${v.pointer} ` : ''}${v.message}`;

/** Runs the cases that suit a server this process does not control (no clock, no faults) and reports each. */
export async function verify(options: VerifyOptions): Promise<VerifyReport> {
  const violations: SpecViolation[] = [];
  const validator = createResponseValidator({ onViolation: (violation) => violations.push(violation) });
  const target: Target = {
    name: 'verify',
    agentEngine: options.baseUrl.replace(/\/+$/, ''),
    v1: options.v1BaseUrl?.replace(/\/+$/, ''),
    clientId: options.clientId,
    clientSecret: options.clientSecret,
    stateful: !options.stateless,
    live: true,
    stop: async () => {},
  };
  const context = createCaseContext(target, validator);
  const selected = CASES.filter((c: ContractCase) => !c.stateful && (options.readOnly ? c.readOnly && !c.v1 : !c.v1 || target.v1 !== undefined));
  const results: CaseResult[] = [];
  for (const contractCase of selected) {
    const started = performance.now();
    const problems: string[] = [];
    try {
      await contractCase.run(context);
    } catch (error) {
      problems.push(error instanceof Error ? `${error.name}: ${error.message}` : String(error));
    }
    problems.push(...violations.splice(0).map(describeViolation));
    const result = { name: contractCase.name, ok: problems.length === 0, ms: performance.now() - started, problems };
    results.push(result);
    options.onCase?.(result);
  }
  const notExercised = [...new Set(selected.flatMap((c) => c.covers))].filter((id) => !validator.coverage.has(id));
  return { results, coverage: validator.coverage, notExercised, ok: results.every((r) => r.ok) };
}

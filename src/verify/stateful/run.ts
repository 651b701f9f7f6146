// `verify --fuzz --stateful`: sequences of requests along the API's resources, generated as model-based tests
// (fast-check commands run by `fc.asyncModelRun` over a model of what the sequence made), not a fixed script. A group
// is a property of its own, with its own model and commands, each in a module beside this one: connectors (create,
// list, get, update, check, execute, delete), source templates and connection templates (create, list, get, patch,
// delete), tokens and workspaces (scoped token, which creates the workspace; scoped info; widget token; workspaces
// listed, read, updated; stats), and OAuth credentials (set and remove an organization's OAuth application; only
// against a loopback target, see `organizationSettings`).
//
// Every step is one request. Its answer goes through the stateless checks of checks.ts (kind 'valid'), then through
// the stateful ones, named as Schemathesis names them where it has a name:
// - `use_after_free`: a deleted resource answers 404 to get, update and execute, and is gone from its list (a
//   connector's DELETE answers 202 and it is gone once it no longer lists: the delete step waits for that, up to
//   `deletionWaitMs`, before the model counts it deleted);
// - `ensure_resource_availability`: a created resource is there at once, to get and in its list;
// - `model_conformance` (the kit's own name; Schemathesis has none): the state agrees with the model after every
//   step: a write is visible on the next read (a new name, a cron expression, cache_enabled), scoped info names the
//   workspace its token was minted for, the stats count the workspaces the sequence created, a step the model
//   expects to succeed does.
// A failing sequence is shrunk by fast-check to the shortest that still fails; it is reported as FuzzFailure with
// the sequence's curl lines (one per step; the token as $TOKEN, a scoped one as $SCOPED_TOKEN minted by the line
// before; ids of earlier steps as the literal ids they were) and the failing step's answer. After each sequence what it made is deleted again.
//
// This module is the machinery every group shares: the run's context (one step, the checks it is held to, requests
// outside the steps), the loop over the groups, and the report.
//
// Runtime-neutral: fetch, URL and web APIs only.
import fc from 'fast-check';
import agentEngineSpec from '../../../openapi/agent-engine.yaml';
import { SpecSchemas, listOperations } from '../../validation/spec-document.js';
import { CHECK_NAMES, runChecks, type CheckName } from '../checks.js';
import { curlOf, type FuzzCheckResult, type FuzzFailure, type SentRequest } from '../fuzz.js';
import { probeTarget, type Probe } from '../run.js';
import { connectorGroup } from './connectors.js';
import { oauthGroup } from './oauth.js';
import { templateGroup } from './templates.js';
import { workspaceGroup } from './workspaces.js';

type Fetch = (input: RequestInfo | URL, init?: RequestInit) => Promise<Response>;

export interface StatefulOptions {
  /** The Agent Engine API, e.g. http://127.0.0.1:4010. */
  baseUrl: string;
  /** The Airbyte API (v1): accepted for symmetry with `fuzz`; no sequence runs along it yet. */
  v1BaseUrl?: string;
  clientId: string;
  clientSecret: string;
  /** What verify's probe found of the target, when the caller ran it already: not asked again. */
  probe?: Probe;
  /** Same seed, same sequences. */
  seed: number;
  /** Sequences per group. Default 100. */
  maxExamples?: number;
  /** Steps per sequence at most. Default 20. */
  maxCommands?: number;
  /** True against a target where only reads are allowed: nothing runs (the sequences create and delete). */
  readOnly?: boolean;
  /**
   * True lets the OAuth-credentials group run. Its PUTs replace the organization's own OAuth application of a
   * connector, and no operation reads one back, so what was there cannot be restored afterwards: set it only against
   * a loopback target (127.0.0.1, ::1, localhost), as the CLI does from the base URL's host. Default false: the group
   * is skipped with one progress line.
   */
  organizationSettings?: boolean;
  /** How long a deleted connector may still list (deletion is asynchronous). Default 30 000 ms. */
  deletionWaitMs?: number;
  fetch?: Fetch;
  /** A line per group as it ends (or as it is skipped). */
  onProgress?: (line: string) => void;
}

export interface StatefulReport {
  checks: FuzzCheckResult[];
  requests: number;
  /** Why nothing ran, in one line (a read-only target, a server that keeps no state, nothing answering). */
  skipped?: string;
}

/** One step as sent: enough to print and send again. */
export interface Step {
  operation: string;
  request: SentRequest;
}

/** Why a step failed, and the step. */
export class StepFailure extends Error {
  constructor(
    readonly check: CheckName,
    readonly operation: string,
    message: string,
    readonly response: { status: number; body: string },
  ) {
    super(message);
  }
}

/** The system under test, as one sequence sees it. */
export interface Sequence {
  steps: Step[];
  /** Scoped tokens by workspace name. */
  scopedTokens: Map<string, string>;
  /** A prefix unique to the sequence, for names. */
  prefix: string;
  counter: number;
}

/** A step's answer: the status, the parsed body (undefined when empty or not JSON) and the text. */
export interface Answer {
  status: number;
  body: any;
  text: string;
}

export type Command<Model extends object> = fc.AsyncCommand<Model, Sequence>;

/** One property: a model, the commands that move it, and what to undo after each sequence. */
export interface Group<Model extends object> {
  name: string;
  /** Why the group does not run against this target, in one line (undefined: it runs). */
  skipped?: string | undefined;
  /** The model at the start of a sequence. */
  model(): Model;
  /** Before each sequence: what the model needs to know of the target first (requests outside the steps). */
  prepare?(model: Model): Promise<void>;
  commands: fc.Arbitrary<Command<Model>>[];
  /** After each sequence: deletes what it made and left (requests outside the steps, nothing checked). */
  cleanUp(model: Model, sequence: Sequence): Promise<void>;
}

/** The run's target, token and counters, and the steps every command is made of. */
export class StatefulContext {
  /** Requests sent, steps and others. */
  requests: number;
  /** Which operations each check was held to in the group that runs (for the passed rows). */
  applied = new Map<CheckName, Set<string>>();
  private readonly operations: Map<string, { method: string; path: string; statuses: string[]; public: boolean }>;
  private readonly schemas = new SpecSchemas(agentEngineSpec, 'agent-engine');

  constructor(
    private readonly send: Fetch,
    /** The API's root, `<base>/api/v1`. */
    readonly api: string,
    private readonly token: string,
    requests: number,
    readonly options: StatefulOptions,
  ) {
    this.requests = requests;
    this.operations = new Map(
      listOperations(agentEngineSpec).map((op) => [
        op.operationId,
        {
          method: op.method,
          path: op.path,
          statuses: Object.keys(op.operation.responses),
          public: (op.operation.security ?? agentEngineSpec.security ?? []).length === 0,
        },
      ]),
    );
  }

  /** A command's shape for fast-check: its name (as shrinking prints it), when it applies, and what it does. */
  command<Model extends object>(
    name: string,
    check: (model: Model) => boolean,
    run: (model: Model, sequence: Sequence) => Promise<void>,
  ): Command<Model> {
    return { check, run, toString: () => name };
  }

  /** An answer's text with the tokens as their placeholders, cut to 500 characters. */
  redact(text: string, sequence?: Sequence): string {
    let out = text.replaceAll(this.token, '$TOKEN');
    for (const scoped of sequence?.scopedTokens.values() ?? []) out = out.replaceAll(scoped, '$SCOPED_TOKEN');
    return out.slice(0, 500);
  }

  /** A request outside the steps (cleanup, waiting for a deletion): not checked, not reproduced. */
  async quiet(method: string, path: string): Promise<{ status: number; text: string }> {
    this.requests++;
    const response = await this.send(`${this.api}${path}`, {
      method,
      headers: { authorization: `Bearer ${this.token}` },
    });
    return { status: response.status, text: await response.text() };
  }

  private note(check: CheckName, operation: string) {
    const seen = this.applied.get(check) ?? new Set<string>();
    seen.add(operation);
    this.applied.set(check, seen);
  }

  /** One step: sent, recorded, and held to the stateless checks. Answers the status and the parsed body. */
  async step(
    sequence: Sequence,
    operationId: string,
    path: string,
    init: {
      body?: unknown;
      /** With the sequence's scoped token of this workspace, not the application token. */
      scopedFor?: string;
    } = {},
  ): Promise<Answer> {
    const operation = this.operations.get(operationId)!;
    // A scoped token's step is printed with the line that mints it for its workspace (curlOf).
    const workspace = init.scopedFor;
    const request: SentRequest = {
      method: operation.method.toUpperCase(),
      url: `${this.api}${path}`,
      ...(workspace === undefined ? { auth: 'token' } : { auth: 'scoped', workspace }),
      ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
    };
    sequence.steps.push({ operation: operationId, request });
    this.requests++;
    const response = await this.send(request.url, {
      method: request.method,
      headers: {
        authorization: `Bearer ${workspace === undefined ? this.token : sequence.scopedTokens.get(workspace)}`,
        ...(request.body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(request.body === undefined ? {} : { body: request.body }),
    });
    const text = await response.text();
    const observed = { status: response.status, headers: response.headers, text };
    const outcome = runChecks(this.schemas, operation, 'valid', observed);
    for (const [check, message] of Object.entries(outcome) as [CheckName, string | undefined][]) {
      this.note(check, operationId);
      if (message !== undefined)
        throw new StepFailure(check, operationId, message, {
          status: response.status,
          body: this.redact(text, sequence),
        });
    }
    let body: any;
    try {
      body = text === '' ? undefined : JSON.parse(text);
    } catch {
      body = undefined;
    }
    return { status: response.status, body, text };
  }

  /** Holds the last step to a stateful check: `problem` undefined passes, a string fails the step with it. */
  expectThat(
    sequence: Sequence,
    check: CheckName,
    answer: { status: number; text: string },
    problem: string | undefined,
  ): void {
    const last = sequence.steps.at(-1)!;
    this.note(check, last.operation);
    if (problem !== undefined)
      throw new StepFailure(check, last.operation, problem, {
        status: answer.status,
        body: this.redact(answer.text, sequence),
      });
  }

  /** A step the model expects to succeed with `status`: anything else fails model_conformance. */
  expectStatus(sequence: Sequence, answer: { status: number; text: string }, status: number, what: string): void {
    this.expectThat(
      sequence,
      'model_conformance',
      answer,
      answer.status === status ? undefined : `${what}: expected ${status}, answered ${answer.status}`,
    );
  }
}

export async function statefulRun(options: StatefulOptions): Promise<StatefulReport> {
  const send: Fetch = options.fetch ?? ((input, init) => fetch(input, init));
  if (options.readOnly)
    return {
      checks: [],
      requests: 0,
      skipped:
        'stateful checks skipped: they create, change and delete connectors, templates and workspaces (pass --all to run them)',
    };
  const base = options.baseUrl.replace(/\/+$/, '');
  // The caller's probe when it ran one already (verify --fuzz does), else one of its own.
  const probe = options.probe ?? (await probeTarget(base, undefined, send));
  /** The probe's one request, when it was this run's. */
  const probed = options.probe ? 0 : 1;
  if (probe.unreachable)
    return {
      checks: [],
      requests: probed,
      skipped: `stateful checks skipped: nothing answers at ${probe.unreachable.url}`,
    };
  if (probe.notApi)
    return { checks: [], requests: probed, skipped: `stateful checks skipped: ${base} answers no JSON (not the API)` };
  if (probe.stateless)
    return {
      checks: [],
      requests: probed,
      skipped:
        'stateful checks skipped: the server answered a connector nobody made, so it keeps no state (static examples, as Prism serves)',
    };

  const api = `${base}/api/v1`;
  const runId = Date.now().toString(36);
  const tokenResponse = await send(`${api}/account/applications/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ client_id: options.clientId, client_secret: options.clientSecret }),
  });
  if (!tokenResponse.ok)
    throw new Error(`${api}/account/applications/token refused the credentials (${tokenResponse.status})`);
  const token = ((await tokenResponse.json()) as { access_token: string }).access_token;
  const context = new StatefulContext(send, api, token, probed + 1, options);

  // Appended, never reordered: a group's seed and names follow its place in this list.
  const groups: Group<any>[] = [
    connectorGroup(context),
    templateGroup(context, 'sources'),
    templateGroup(context, 'connections'),
    workspaceGroup(context),
    oauthGroup(context),
  ];

  const maxExamples = options.maxExamples ?? 100;
  const results: FuzzCheckResult[] = [];
  for (const [index, group] of groups.entries()) {
    if (group.skipped !== undefined) {
      options.onProgress?.(`· stateful ${group.name} skipped: ${group.skipped}`);
      continue;
    }
    context.applied = new Map();
    let sequences = 0;
    let last: { failure: StepFailure; steps: Step[] } | undefined;
    const property = fc.asyncProperty(
      fc.commands(group.commands, { maxCommands: options.maxCommands ?? 20, size: 'medium' }),
      async (commands) => {
        sequences++;
        const model = group.model();
        const sequence: Sequence = {
          steps: [],
          scopedTokens: new Map(),
          prefix: `aek-stateful-${runId}-${index}-${sequences}`,
          counter: 0,
        };
        try {
          await group.prepare?.(model);
          await fc.asyncModelRun(() => ({ model, real: sequence }), commands);
          return true;
        } catch (error) {
          // The last failing sequence is the one fast-check reports: the shrunk one.
          if (error instanceof StepFailure) last = { failure: error, steps: [...sequence.steps] };
          throw error;
        } finally {
          await group.cleanUp(model, sequence);
        }
      },
    );
    const verdict = await fc.check(property, { numRuns: maxExamples, seed: options.seed + 1000 + index });
    let failure: { check: CheckName; operation: string; failure: FuzzFailure } | undefined;
    if (verdict.failed) {
      if (!last) {
        // Not a check's failure: the run itself broke (a network error, say).
        const error = verdict.errorInstance;
        throw error instanceof Error ? error : new Error(String(error));
      }
      failure = {
        check: last.failure.check,
        operation: last.failure.operation,
        failure: { ...reported(last), found: { runs: verdict.numRuns, shrinks: verdict.numShrinks } },
      };
    }
    for (const check of CHECK_NAMES)
      for (const operation of context.applied.get(check) ?? []) {
        const failed = failure?.check === check && failure.operation === operation;
        results.push({
          check,
          operation,
          status: failed ? 'failed' : 'passed',
          failures: failed ? [failure!.failure] : [],
        });
      }
    if (failure && !results.some((r) => r.status === 'failed' && r.failures.includes(failure!.failure)))
      results.push({
        check: failure.check,
        operation: failure.operation,
        status: 'failed',
        failures: [failure.failure],
      });
    options.onProgress?.(
      failure
        ? `✗ stateful ${group.name}: ${failure.check} on ${failure.operation} (found after ${verdict.numRuns} sequences, shrunk in ${verdict.numShrinks} steps to ${last!.steps.length} requests)`
        : `✓ stateful ${group.name}: ${verdict.numRuns} sequences`,
    );
  }
  return { checks: mergeChecks([], results), requests: context.requests };
}

/** A shrunk sequence's failure as the report prints it: the steps that led there, as curl lines. */
function reported({ failure, steps }: { failure: StepFailure; steps: Step[] }): FuzzFailure {
  return {
    message: `${failure.message} (after ${steps.length} step${steps.length === 1 ? '' : 's'}: ${steps.map((s) => s.operation).join(' → ')})`,
    request: steps.at(-1)!.request,
    reproduction: steps.map((s) => curlOf(s.request)).join('\n'),
    response: failure.response,
  };
}

/** Two lists of check results as one: a row per check and operation, failed when either failed, failures joined. */
export function mergeChecks(a: FuzzCheckResult[], b: FuzzCheckResult[]): FuzzCheckResult[] {
  const rows = new Map<string, FuzzCheckResult>();
  for (const row of [...a, ...b]) {
    const key = `${row.check} ${row.operation}`;
    const seen = rows.get(key);
    if (!seen) rows.set(key, { ...row, failures: [...row.failures] });
    else {
      seen.failures.push(...row.failures);
      if (row.status === 'failed') seen.status = 'failed';
    }
  }
  return [...rows.values()];
}

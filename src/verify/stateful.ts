// `verify --fuzz --stateful`: sequences of requests along the API's resources, generated as model-based tests
// (fast-check commands run by `fc.asyncModelRun` over a model of what the sequence made), not a fixed script. Four
// groups, each a property of its own: connectors (create, list, get, update, check, execute, delete), source
// templates and connection templates (create, list, get, patch, delete), tokens and workspaces (scoped token, which
// creates the workspace; scoped info; widget token; workspaces listed, read, updated; stats).
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
// the sequence's curl lines (one per step; the token as $TOKEN, a scoped one as $SCOPED_TOKEN; ids of earlier steps
// as the literal ids they were) and the failing step's answer. After each sequence what it made is deleted again.
//
// Runtime-neutral: fetch, URL and web APIs only.
import fc from 'fast-check';
import agentEngineSpec from '../../openapi/agent-engine.yaml';
import { SpecSchemas, listOperations } from '../validation/spec-document.js';
import { CHECK_NAMES, runChecks, type CheckName } from './checks.js';
import { curlOf, type FuzzCheckResult, type FuzzFailure, type SentRequest } from './fuzz.js';
import { probeTarget, type Probe } from './run.js';

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
  /** How long a deleted connector may still list (deletion is asynchronous). Default 30 000 ms. */
  deletionWaitMs?: number;
  fetch?: Fetch;
  /** A line per group as it ends. */
  onProgress?: (line: string) => void;
}

export interface StatefulReport {
  checks: FuzzCheckResult[];
  requests: number;
  /** Why nothing ran, in one line (a read-only target, a server that keeps no state, nothing answering). */
  skipped?: string;
}

const GITHUB = 'ef69ef6e-aa7f-4af1-a01d-ef775033524e';
const WORKSPACE = 'default';
const CRONS = ['0 0 * * * ?', '0 0 */6 * * ?', '0 30 2 * * ?'];

/** One step as sent: enough to print and send again. */
interface Step {
  operation: string;
  request: SentRequest;
  /** The request went with a scoped token (printed as $SCOPED_TOKEN) rather than the application token. */
  scoped: boolean;
}

/** Why a step failed, and the step. */
class StepFailure extends Error {
  constructor(
    readonly check: CheckName,
    readonly operation: string,
    message: string,
    readonly response: { status: number; body: string },
  ) {
    super(message);
  }
}

interface Resource {
  id: string;
  /** What the last write set and the next read must show: a name, or a connection template's cron expression. */
  value: string;
}

interface KnownWorkspace {
  name: string;
  /** Learnt from scoped info or the list. */
  id?: string;
  cacheEnabled?: boolean;
}

/** What the sequence has made, as far as the API's answers so far should tell. */
interface Model {
  connectors: Resource[];
  deletedConnectors: string[];
  sourceTemplates: Resource[];
  deletedSourceTemplates: string[];
  connectionTemplates: Resource[];
  deletedConnectionTemplates: string[];
  workspaces: KnownWorkspace[];
  /** The workspaces' total_count before the sequence. */
  workspacesBefore: number;
}

/** The system under test, as one sequence sees it. */
interface Real {
  steps: Step[];
  /** Scoped tokens by workspace name. */
  scopedTokens: Map<string, string>;
  /** A prefix unique to the sequence, for names. */
  prefix: string;
  counter: number;
  /** Workspaces the sequence created (to delete afterwards). */
  createdWorkspaces: Set<string>;
}

type Command = fc.AsyncCommand<Model, Real>;

const pick = <T>(items: T[], index: number): T => items[index % items.length]!;

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

  let requests = probed;
  const schemas = new SpecSchemas(agentEngineSpec, 'agent-engine');
  const operations = new Map(
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
  const api = `${base}/api/v1`;
  const runId = Date.now().toString(36);
  const deletionWaitMs = options.deletionWaitMs ?? 30_000;

  const tokenResponse = await send(`${api}/account/applications/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ client_id: options.clientId, client_secret: options.clientSecret }),
  });
  requests++;
  if (!tokenResponse.ok)
    throw new Error(`${api}/account/applications/token refused the credentials (${tokenResponse.status})`);
  const token = ((await tokenResponse.json()) as { access_token: string }).access_token;

  const redact = (text: string, real?: Real) => {
    let out = text.replaceAll(token, '$TOKEN');
    for (const scoped of real?.scopedTokens.values() ?? []) out = out.replaceAll(scoped, '$SCOPED_TOKEN');
    return out.slice(0, 500);
  };

  /** A request outside the steps (cleanup, waiting for a deletion): not checked, not reproduced. */
  const quiet = async (method: string, path: string) => {
    requests++;
    const response = await send(`${api}${path}`, { method, headers: { authorization: `Bearer ${token}` } });
    return { status: response.status, text: await response.text() };
  };

  // Which operations each check was held to, per group (for the passed rows).
  let applied = new Map<CheckName, Set<string>>();
  const note = (check: CheckName, operation: string) => {
    const seen = applied.get(check) ?? new Set<string>();
    seen.add(operation);
    applied.set(check, seen);
  };

  /** One step: sent, recorded, and held to the stateless checks. Answers the status and the parsed body. */
  const step = async (
    real: Real,
    operationId: string,
    path: string,
    init: { body?: unknown; scopedToken?: string } = {},
  ): Promise<{ status: number; body: any; text: string }> => {
    const operation = operations.get(operationId)!;
    const request: SentRequest = {
      method: operation.method.toUpperCase(),
      url: `${api}${path}`,
      auth: 'token',
      ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
    };
    real.steps.push({ operation: operationId, request, scoped: init.scopedToken !== undefined });
    requests++;
    const response = await send(request.url, {
      method: request.method,
      headers: {
        authorization: `Bearer ${init.scopedToken ?? token}`,
        ...(request.body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(request.body === undefined ? {} : { body: request.body }),
    });
    const text = await response.text();
    const observed = { status: response.status, headers: response.headers, text };
    const outcome = runChecks(schemas, operation, 'valid', observed);
    for (const [check, message] of Object.entries(outcome) as [CheckName, string | undefined][]) {
      note(check, operationId);
      if (message !== undefined)
        throw new StepFailure(check, operationId, message, { status: response.status, body: redact(text, real) });
    }
    let body: any;
    try {
      body = text === '' ? undefined : JSON.parse(text);
    } catch {
      body = undefined;
    }
    return { status: response.status, body, text };
  };

  /** Holds the last step to a stateful check: `problem` undefined passes, a string fails the step with it. */
  const expectThat = (
    real: Real,
    check: CheckName,
    answer: { status: number; text: string },
    problem: string | undefined,
  ) => {
    const last = real.steps.at(-1)!;
    note(check, last.operation);
    if (problem !== undefined)
      throw new StepFailure(check, last.operation, problem, { status: answer.status, body: redact(answer.text, real) });
  };

  /** A step the model expects to succeed with `status`: anything else fails model_conformance. */
  const expectStatus = (real: Real, answer: { status: number; text: string }, status: number, what: string) =>
    expectThat(
      real,
      'model_conformance',
      answer,
      answer.status === status ? undefined : `${what}: expected ${status}, answered ${answer.status}`,
    );

  const command = (
    name: string,
    check: (model: Model) => boolean,
    run: (model: Model, real: Real) => Promise<void>,
  ): Command => ({ check, run, toString: () => name });

  // ---- connectors -------------------------------------------------------------------------------------------------
  const liveConnector = (m: Model) => m.connectors.length > 0;
  const connectorCommands: fc.Arbitrary<Command>[] = [
    fc.constant(
      command(
        'create connector',
        () => true,
        async (m, r) => {
          const name = `${r.prefix}-connector-${++r.counter}`;
          const answer = await step(r, 'create_integrations_connectors', '/integrations/connectors', {
            body: {
              workspace_name: WORKSPACE,
              definition_id: GITHUB,
              name,
              credentials: { token: 'ghp_agent_engine_kit_stateful' },
              replication_config: { repositories: ['airbytehq/airbyte'] },
            },
          });
          expectStatus(r, answer, 200, 'creating a GitHub connector');
          m.connectors.push({ id: answer.body.id, value: name });
        },
      ),
    ),
    fc.constant(
      command(
        'list connectors',
        () => true,
        async (m, r) => {
          const answer = await step(
            r,
            'list_integrations_connectors',
            `/integrations/connectors?workspace_name=${WORKSPACE}`,
          );
          expectStatus(r, answer, 200, 'listing connectors');
          const listed = new Map<string, { name?: string }>(
            (answer.body?.data ?? []).map((c: { id: string }) => [c.id, c]),
          );
          const missing = m.connectors.find((c) => !listed.has(c.id));
          expectThat(
            r,
            'ensure_resource_availability',
            answer,
            missing && `connector ${missing.id}, created in this sequence, is not in the list`,
          );
          const stillThere = m.deletedConnectors.find((id) => listed.has(id));
          expectThat(r, 'use_after_free', answer, stillThere && `connector ${stillThere} is listed after its DELETE`);
          const stale = m.connectors.find((c) => listed.get(c.id)!.name !== c.value);
          expectThat(
            r,
            'model_conformance',
            answer,
            stale && `connector ${stale.id} lists as ${JSON.stringify(listed.get(stale.id)!.name)}, not ${stale.value}`,
          );
        },
      ),
    ),
    fc.nat().map((i) =>
      command(`get connector #${i}`, liveConnector, async (m, r) => {
        const connector = pick(m.connectors, i);
        const answer = await step(r, 'get_integrations_connectors_id', `/integrations/connectors/${connector.id}`);
        expectThat(
          r,
          'ensure_resource_availability',
          answer,
          answer.status === 404 ? `connector ${connector.id}, created in this sequence, answers 404` : undefined,
        );
        expectStatus(r, answer, 200, 'reading a connector');
        expectThat(
          r,
          'model_conformance',
          answer,
          answer.body?.name === connector.value
            ? undefined
            : `connector ${connector.id} reads as ${JSON.stringify(answer.body?.name)}, not ${connector.value} (the last write)`,
        );
      }),
    ),
    fc.nat().map((i) =>
      command(`rename connector #${i}`, liveConnector, async (m, r) => {
        const connector = pick(m.connectors, i);
        const name = `${r.prefix}-renamed-${++r.counter}`;
        const answer = await step(r, 'update_integrations_connectors_id', `/integrations/connectors/${connector.id}`, {
          body: { name },
        });
        expectStatus(r, answer, 200, 'renaming a connector');
        expectThat(
          r,
          'model_conformance',
          answer,
          answer.body?.name === name ? undefined : `the update answered name ${JSON.stringify(answer.body?.name)}`,
        );
        connector.value = name;
      }),
    ),
    fc.nat().map((i) =>
      command(`check connector #${i}`, liveConnector, async (m, r) => {
        const connector = pick(m.connectors, i);
        const answer = await step(
          r,
          'create_integrations_connectors_id_check',
          `/integrations/connectors/${connector.id}/check`,
          { body: {} },
        );
        expectStatus(r, answer, 200, 'checking a connector');
      }),
    ),
    fc.nat().map((i) =>
      command(`execute connector #${i} (issues list)`, liveConnector, async (m, r) => {
        const connector = pick(m.connectors, i);
        const answer = await step(
          r,
          'create_integrations_connectors_id_execute',
          `/integrations/connectors/${connector.id}/execute`,
          { body: { entity: 'issues', action: 'list', params: { per_page: 2 } } },
        );
        expectStatus(r, answer, 200, 'executing issues list');
      }),
    ),
    fc.nat().map((i) =>
      command(`delete connector #${i}`, liveConnector, async (m, r) => {
        const connector = pick(m.connectors, i);
        const answer = await step(r, 'delete_integrations_connectors_id', `/integrations/connectors/${connector.id}`);
        expectStatus(r, answer, 202, 'deleting a connector');
        // Deletion is asynchronous: gone once it no longer lists. Wait for that (not a step of its own).
        const started = Date.now();
        for (let wait = 0; ; wait = Math.min(2_000, Math.max(100, wait * 2))) {
          if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
          const list = await quiet('GET', `/integrations/connectors?workspace_name=${WORKSPACE}`);
          const listed = list.status === 200 && list.text.includes(connector.id);
          if (!listed) break;
          if (Date.now() - started > deletionWaitMs)
            expectThat(
              r,
              'use_after_free',
              answer,
              `connector ${connector.id} still lists ${Math.round((Date.now() - started) / 1000)} s after its DELETE`,
            );
        }
        m.connectors.splice(m.connectors.indexOf(connector), 1);
        m.deletedConnectors.push(connector.id);
      }),
    ),
    fc.tuple(fc.nat(), fc.constantFrom('get', 'update', 'execute')).map(([i, how]) =>
      command(
        `${how} deleted connector #${i}`,
        (m) => m.deletedConnectors.length > 0,
        async (m, r) => {
          const id = pick(m.deletedConnectors, i);
          const answer =
            how === 'get'
              ? await step(r, 'get_integrations_connectors_id', `/integrations/connectors/${id}`)
              : how === 'update'
                ? await step(r, 'update_integrations_connectors_id', `/integrations/connectors/${id}`, {
                    body: { name: `${r.prefix}-after-delete` },
                  })
                : await step(r, 'create_integrations_connectors_id_execute', `/integrations/connectors/${id}/execute`, {
                    body: { entity: 'issues', action: 'list', params: { per_page: 2 } },
                  });
          expectThat(
            r,
            'use_after_free',
            answer,
            answer.status === 404
              ? undefined
              : `connector ${id} answered ${answer.status} to ${how} after its DELETE (expected 404)`,
          );
        },
      ),
    ),
  ];

  // ---- templates (source and connection: the same life) ----------------------------------------------------------
  const templateCommands = (kind: 'sources' | 'connections'): fc.Arbitrary<Command>[] => {
    const live = (m: Model) => (kind === 'sources' ? m.sourceTemplates : m.connectionTemplates);
    const deleted = (m: Model) => (kind === 'sources' ? m.deletedSourceTemplates : m.deletedConnectionTemplates);
    const what = kind === 'sources' ? 'source template' : 'connection template';
    const field = kind === 'sources' ? 'name' : 'cron_expression';
    const ids = {
      create: `create_integrations_templates_${kind}`,
      list: `list_integrations_templates_${kind}`,
      get: `get_integrations_templates_${kind}_id`,
      update: `update_integrations_templates_${kind}_id`,
      delete: `delete_integrations_templates_${kind}_id`,
    };
    const path = `/integrations/templates/${kind}`;
    const newValue = (r: Real, n: number) =>
      kind === 'sources' ? `${r.prefix}-template-${++r.counter}` : CRONS[n % 3]!;
    return [
      fc.nat(2).map((n) =>
        command(
          `create ${what}`,
          () => true,
          async (m, r) => {
            const value = newValue(r, n);
            const body =
              kind === 'sources'
                ? { actor_definition_id: GITHUB, name: value, partial_default_config: {} }
                : { data_hosting_type: 'airbyte_hosted', cron_expression: value };
            const answer = await step(r, ids.create, path, { body });
            expectStatus(r, answer, 200, `creating a ${what}`);
            live(m).push({ id: answer.body.id, value });
          },
        ),
      ),
      fc.constant(
        command(
          `list ${what}s`,
          () => true,
          async (m, r) => {
            const answer = await step(r, ids.list, path);
            expectStatus(r, answer, 200, `listing ${what}s`);
            const listed = new Set<string>((answer.body?.data ?? []).map((t: { id: string }) => t.id));
            const missing = live(m).find((t) => !listed.has(t.id));
            expectThat(
              r,
              'ensure_resource_availability',
              answer,
              missing && `${what} ${missing.id}, created in this sequence, is not in the list`,
            );
            const stillThere = deleted(m).find((id) => listed.has(id));
            expectThat(r, 'use_after_free', answer, stillThere && `${what} ${stillThere} is listed after its DELETE`);
          },
        ),
      ),
      fc.nat().map((i) =>
        command(
          `get ${what} #${i}`,
          (m) => live(m).length > 0,
          async (m, r) => {
            const template = pick(live(m), i);
            const answer = await step(r, ids.get, `${path}/${template.id}`);
            expectThat(
              r,
              'ensure_resource_availability',
              answer,
              answer.status === 404 ? `${what} ${template.id}, created in this sequence, answers 404` : undefined,
            );
            expectStatus(r, answer, 200, `reading a ${what}`);
            expectThat(
              r,
              'model_conformance',
              answer,
              answer.body?.[field] === template.value
                ? undefined
                : `${what} ${template.id} reads ${field} ${JSON.stringify(answer.body?.[field])}, not ${template.value} (the last write)`,
            );
          },
        ),
      ),
      fc.tuple(fc.nat(), fc.nat(2)).map(([i, n]) =>
        command(
          `patch ${what} #${i}`,
          (m) => live(m).length > 0,
          async (m, r) => {
            const template = pick(live(m), i);
            const value = newValue(r, n);
            const answer = await step(r, ids.update, `${path}/${template.id}`, { body: { [field]: value } });
            expectStatus(r, answer, 200, `patching a ${what}`);
            template.value = value;
          },
        ),
      ),
      fc.nat().map((i) =>
        command(
          `delete ${what} #${i}`,
          (m) => live(m).length > 0,
          async (m, r) => {
            const template = pick(live(m), i);
            const answer = await step(r, ids.delete, `${path}/${template.id}`);
            expectStatus(r, answer, 200, `deleting a ${what}`);
            live(m).splice(live(m).indexOf(template), 1);
            deleted(m).push(template.id);
          },
        ),
      ),
      fc.tuple(fc.nat(), fc.constantFrom('get', 'patch')).map(([i, how]) =>
        command(
          `${how} deleted ${what} #${i}`,
          (m) => deleted(m).length > 0,
          async (m, r) => {
            const id = pick(deleted(m), i);
            const answer =
              how === 'get'
                ? await step(r, ids.get, `${path}/${id}`)
                : await step(r, ids.update, `${path}/${id}`, { body: { [field]: newValue(r, 0) } });
            expectThat(
              r,
              'use_after_free',
              answer,
              answer.status === 404
                ? undefined
                : `${what} ${id} answered ${answer.status} to ${how} after its DELETE (expected 404)`,
            );
          },
        ),
      ),
    ];
  };

  // ---- tokens and workspaces --------------------------------------------------------------------------------------
  const workspaceName = (r: Real, n: number) => `${r.prefix}-ws-${n}`;
  const known = (m: Model) => m.workspaces.filter((w) => w.id !== undefined);
  /** What an answer says of a workspace against the model (its id, once known; cache_enabled, once written). */
  const workspaceProblem = (w: KnownWorkspace, seen: { id?: string; name?: string; cache_enabled?: unknown }) =>
    w.id !== undefined && seen.id !== w.id
      ? `workspace ${w.name} answers id ${seen.id}, earlier ${w.id}`
      : w.cacheEnabled !== undefined && seen.cache_enabled !== w.cacheEnabled
        ? `workspace ${w.name} answers cache_enabled ${String(seen.cache_enabled)}, not ${w.cacheEnabled} (the last write)`
        : undefined;
  const workspaceCommands: fc.Arbitrary<Command>[] = [
    fc.nat(2).map((n) =>
      command(
        `scoped token for workspace ${n}`,
        () => true,
        async (m, r) => {
          const name = workspaceName(r, n);
          const answer = await step(
            r,
            'create_account_applications_scoped_token',
            '/account/applications/scoped-token',
            {
              body: { workspace_name: name },
            },
          );
          expectStatus(r, answer, 200, 'minting a scoped token (which creates its workspace)');
          r.scopedTokens.set(name, answer.body.token);
          r.createdWorkspaces.add(name);
          if (!m.workspaces.some((w) => w.name === name)) m.workspaces.push({ name });
        },
      ),
    ),
    fc.nat().map((i) =>
      command(
        `scoped token info #${i}`,
        (m) => m.workspaces.length > 0,
        async (m, r) => {
          const workspace = pick(m.workspaces, i);
          const answer = await step(
            r,
            'get_account_applications_scoped_token_info',
            '/account/applications/scoped-token/info',
            {
              scopedToken: r.scopedTokens.get(workspace.name)!,
            },
          );
          expectStatus(r, answer, 200, 'reading scoped token info');
          expectThat(
            r,
            'model_conformance',
            answer,
            answer.body?.workspace_name !== workspace.name
              ? `the scoped token of ${workspace.name} says workspace ${JSON.stringify(answer.body?.workspace_name)}`
              : workspace.id !== undefined && answer.body.workspace_id !== workspace.id
                ? `the scoped token of ${workspace.name} says workspace id ${answer.body.workspace_id}, earlier ${workspace.id}`
                : undefined,
          );
          workspace.id = answer.body.workspace_id;
        },
      ),
    ),
    fc.nat().map((i) =>
      command(
        `widget token #${i}`,
        (m) => m.workspaces.length > 0,
        async (m, r) => {
          const workspace = pick(m.workspaces, i);
          const answer = await step(
            r,
            'create_account_applications_widget_token',
            '/account/applications/widget-token',
            {
              body: { workspace_name: workspace.name, allowed_origin: 'https://app.example.com' },
            },
          );
          expectStatus(r, answer, 200, 'minting a widget token');
          // base64 of {widgetUrl, token}; widgetUrl's workspaceId names the workspace.
          let workspaceId: string | null | undefined;
          try {
            const decoded = JSON.parse(atob(answer.body.token)) as { widgetUrl: string };
            workspaceId = new URL(decoded.widgetUrl).searchParams.get('workspaceId');
          } catch {
            workspaceId = undefined;
          }
          expectThat(
            r,
            'model_conformance',
            answer,
            workspace.id !== undefined && workspaceId !== undefined && workspaceId !== workspace.id
              ? `the widget token of ${workspace.name} names workspace ${workspaceId}, not ${workspace.id}`
              : undefined,
          );
        },
      ),
    ),
    fc.nat().map((i) =>
      command(
        `list workspaces named like #${i}`,
        (m) => m.workspaces.length > 0,
        async (m, r) => {
          const workspace = pick(m.workspaces, i);
          const answer = await step(
            r,
            'list_workspaces',
            `/workspaces?name_contains=${encodeURIComponent(workspace.name)}`,
          );
          expectStatus(r, answer, 200, 'listing workspaces');
          const found = (answer.body?.data ?? []).find((w: { name: string }) => w.name === workspace.name);
          expectThat(
            r,
            'ensure_resource_availability',
            answer,
            found
              ? undefined
              : `workspace ${workspace.name}, created by a scoped token in this sequence, is not listed`,
          );
          expectThat(r, 'model_conformance', answer, workspaceProblem(workspace, found));
          workspace.id = found.id;
        },
      ),
    ),
    fc.nat().map((i) =>
      command(
        `get workspace #${i}`,
        (m) => known(m).length > 0,
        async (m, r) => {
          const workspace = pick(known(m), i);
          const answer = await step(r, 'get_workspaces_workspace_id', `/workspaces/${workspace.id}`);
          expectThat(
            r,
            'ensure_resource_availability',
            answer,
            answer.status === 404 ? `workspace ${workspace.id}, created in this sequence, answers 404` : undefined,
          );
          expectStatus(r, answer, 200, 'reading a workspace');
          expectThat(
            r,
            'model_conformance',
            answer,
            answer.body?.name !== workspace.name
              ? `workspace ${workspace.id} reads name ${JSON.stringify(answer.body?.name)}, not ${workspace.name}`
              : workspaceProblem(workspace, answer.body),
          );
        },
      ),
    ),
    fc.tuple(fc.nat(), fc.boolean()).map(([i, cache]) =>
      command(
        `update workspace #${i} (cache_enabled ${cache})`,
        (m) => known(m).length > 0,
        async (m, r) => {
          const workspace = pick(known(m), i);
          const answer = await step(r, 'update_workspaces_workspace_id', `/workspaces/${workspace.id}`, {
            body: { cache_enabled: cache },
          });
          expectStatus(r, answer, 200, 'updating a workspace');
          workspace.cacheEnabled = cache;
        },
      ),
    ),
    fc.constant(
      command(
        'workspace stats',
        () => true,
        async (m, r) => {
          const answer = await step(r, 'get_workspaces_stats', '/workspaces/stats');
          expectStatus(r, answer, 200, 'reading workspace stats');
          const expected = m.workspacesBefore + m.workspaces.length;
          expectThat(
            r,
            'model_conformance',
            answer,
            answer.body?.total_count === expected
              ? undefined
              : `total_count ${answer.body?.total_count}, expected ${expected} (${m.workspacesBefore} before the sequence, ${m.workspaces.length} created by it; unless another client changed workspaces meanwhile)`,
          );
        },
      ),
    ),
  ];

  const groups = [
    { name: 'connectors', commands: connectorCommands },
    { name: 'source templates', commands: templateCommands('sources') },
    { name: 'connection templates', commands: templateCommands('connections') },
    { name: 'tokens and workspaces', commands: workspaceCommands },
  ];

  /** Deletes what a sequence made and left (not steps: nothing checked). */
  const cleanUp = async (model: Model, real: Real) => {
    const ignore = () => undefined;
    for (const c of model.connectors) await quiet('DELETE', `/integrations/connectors/${c.id}`).catch(ignore);
    for (const t of model.sourceTemplates)
      await quiet('DELETE', `/integrations/templates/sources/${t.id}`).catch(ignore);
    for (const t of model.connectionTemplates)
      await quiet('DELETE', `/integrations/templates/connections/${t.id}`).catch(ignore);
    for (const name of real.createdWorkspaces) {
      const id =
        model.workspaces.find((w) => w.name === name)?.id ??
        (await quiet('GET', `/workspaces?name_contains=${encodeURIComponent(name)}`)
          .then((l) => (JSON.parse(l.text).data as { id: string; name: string }[]).find((w) => w.name === name)?.id)
          .catch(ignore));
      if (id) await quiet('DELETE', `/workspaces/${id}`).catch(ignore);
    }
  };

  const maxExamples = options.maxExamples ?? 100;
  const results: FuzzCheckResult[] = [];
  for (const [index, group] of groups.entries()) {
    applied = new Map();
    let sequences = 0;
    let last: { failure: StepFailure; steps: Step[]; scopedTokens: Map<string, string> } | undefined;
    const property = fc.asyncProperty(
      fc.commands(group.commands, { maxCommands: options.maxCommands ?? 20, size: 'medium' }),
      async (commands) => {
        sequences++;
        const model: Model = {
          connectors: [],
          deletedConnectors: [],
          sourceTemplates: [],
          deletedSourceTemplates: [],
          connectionTemplates: [],
          deletedConnectionTemplates: [],
          workspaces: [],
          workspacesBefore: 0,
        };
        const real: Real = {
          steps: [],
          scopedTokens: new Map(),
          prefix: `aek-stateful-${runId}-${index}-${sequences}`,
          counter: 0,
          createdWorkspaces: new Set(),
        };
        try {
          if (group.name === 'tokens and workspaces')
            model.workspacesBefore = JSON.parse((await quiet('GET', '/workspaces/stats')).text).total_count ?? 0;
          await fc.asyncModelRun(() => ({ model, real }), commands);
          return true;
        } catch (error) {
          // The last failing sequence is the one fast-check reports: the shrunk one.
          if (error instanceof StepFailure)
            last = { failure: error, steps: [...real.steps], scopedTokens: real.scopedTokens };
          throw error;
        } finally {
          await cleanUp(model, real);
        }
      },
    );
    const verdict = await fc.check(property, { numRuns: maxExamples, seed: options.seed + 1000 + index });
    let failure: { check: CheckName; operation: string; failure: FuzzFailure } | undefined;
    if (verdict.failed) {
      if (last) {
        const steps = last.steps;
        const failing = steps.at(-1)!;
        failure = {
          check: last.failure.check,
          operation: last.failure.operation,
          failure: {
            message: `${last.failure.message} (after ${steps.length} step${steps.length === 1 ? '' : 's'}: ${steps.map((s) => s.operation).join(' → ')})`,
            request: failing.request,
            reproduction: steps
              .map((s) => (s.scoped ? curlOf(s.request).replace('$TOKEN', '$SCOPED_TOKEN') : curlOf(s.request)))
              .join('\n'),
            response: last.failure.response,
          },
        };
      } else {
        // Not a check's failure: the run itself broke (a network error, say).
        const error = verdict.errorInstance;
        throw error instanceof Error ? error : new Error(String(error));
      }
    }
    for (const check of CHECK_NAMES)
      for (const operation of applied.get(check) ?? []) {
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
        ? `✗ stateful ${group.name}: ${failure.check} on ${failure.operation} (found after ${verdict.numRuns} sequences, shrunk to ${last!.steps.length} steps)`
        : `✓ stateful ${group.name}: ${verdict.numRuns} sequences`,
    );
  }
  return { checks: mergeChecks([], results), requests };
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

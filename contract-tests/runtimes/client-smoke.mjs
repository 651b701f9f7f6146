// The built client (dist/index.js, what `import 'agent-engine-kit'` loads) run against the standalone mock, in plain ESM
// that Node, Bun, Deno and workerd all run as they are: typed connectors, paging with all(), a widget-token client and
// a retry after a 503. scripts/runtimes.mjs starts the mock and runs this on each runtime; by hand, against `npm start`:
//
//   <node|bun|deno run --allow-net --allow-read> contract-tests/runtimes/client-smoke.mjs http://127.0.0.1:4010
//
// One line per check, exit code 1 when one fails. In workerd the same module is a worker: its `test` handler runs the
// checks against the URL of its `MOCK_URL` binding (`workerd test`).
import { PermissionDeniedError, ServerError, createAgentEngineClient } from '../../dist/index.js';

// The mock's demo credentials (DEFAULT_MOCK_CLIENT_ID and DEFAULT_MOCK_CLIENT_SECRET, public by design).
const CLIENT_ID = 'demo-client-id';
const CLIENT_SECRET = 'demo-client-secret';
const GITHUB_DEFINITION_ID = 'ef69ef6e-aa7f-4af1-a01d-ef775033524e';
const WIDGET_ORIGIN = 'https://app.example.com';

/** Which runtime this is, by what each one alone defines. */
export function runtimeName() {
  if (globalThis.Bun) return 'bun';
  if (globalThis.Deno) return 'deno';
  if (globalThis.navigator?.userAgent === 'Cloudflare-Workers') return 'workerd';
  if (globalThis.process?.versions?.node) return 'node';
  return 'unknown';
}

class CheckFailed extends Error {}

function expect(condition, message) {
  if (!condition) throw new CheckFailed(message);
}

/**
 * A fetch that records what it sent and what came back (method, path, status), in order. `failNext()` makes the next
 * request ask the mock for a 503 (`Prefer: code=503`, the mock's fault injection, answered with `Retry-After: 1`); the
 * client's retry of it goes out as it is.
 */
function recordingFetch() {
  const calls = [];
  let fail = false;
  const fetcher = async (input, init) => {
    const request = new Request(input, init);
    if (fail) request.headers.set('prefer', 'code=503');
    const call = { method: request.method, path: new URL(request.url).pathname, status: 0, faulted: fail };
    fail = false;
    calls.push(call);
    const response = await fetch(request);
    call.status = response.status;
    return response;
  };
  return { calls, fetch: fetcher, failNext: () => (fail = true) };
}

const isIssue = (record) => Number.isInteger(record?.number) && typeof record?.title === 'string';
const isExecute = (call) => call.method === 'POST' && /\/connectors\/[^/]+\/execute$/.test(call.path);

/**
 * Runs every check against the mock at `mockUrl`, calling `report(line)` once per check; resolves to the number of
 * checks that failed. A check that fails says what it expected and what it got; the others still run.
 */
export async function runSmoke({ mockUrl, report }) {
  const runtime = runtimeName();
  // Each runtime works in workspaces of its own: one mock may serve several runs.
  const workspace = `smoke-${runtime}-${crypto.randomUUID().slice(0, 8)}`;
  const app = recordingFetch();
  const client = createAgentEngineClient({
    baseUrl: mockUrl,
    clientId: CLIENT_ID,
    clientSecret: CLIENT_SECRET,
    fetch: app.fetch,
  });
  const state = {};
  let failed = 0;

  const check = async (name, body) => {
    const started = Date.now();
    try {
      const detail = await body();
      report(`ok   ${runtime}: ${name} (${detail}; ${Date.now() - started} ms)`);
    } catch (error) {
      failed++;
      const why =
        error instanceof CheckFailed ? error.message : `${error?.name ?? 'Error'}: ${error?.message ?? error}`;
      report(`FAIL ${runtime}: ${name}: ${why}`);
    }
  };

  await check('typed connector github.issues.list', async () => {
    // The mock makes a workspace when the first token for it is minted.
    await client.tokens.scoped(workspace);
    const connector = await client.connectors.create({
      workspace_name: workspace,
      definition_id: GITHUB_DEFINITION_ID,
      name: `GitHub on ${runtime}`,
      credentials: { token: 'ghp_runtime_smoke' },
      replication_config: { repositories: ['airbytehq/airbyte'] },
    });
    state.github = client.connector('github', connector.id);
    const page = await state.github.issues.list({ per_page: 5 });
    expect(Array.isArray(page.data), `data is not a list of records: ${JSON.stringify(page.data)?.slice(0, 200)}`);
    expect(page.data.length === 5, `asked for 5 issues, got ${page.data.length}`);
    expect(page.data.every(isIssue), `not GitHub issues (number, title): ${JSON.stringify(page.data[0])}`);
    expect(
      typeof page.meta?.end_cursor === 'string' && page.meta.end_cursor !== '',
      `no end_cursor in meta: ${JSON.stringify(page.meta)}`,
    );
    state.firstPage = page.data.map((issue) => issue.number);
    return `5 issues, #${state.firstPage.join(', #')}`;
  });

  await check('paging github.issues.all()', async () => {
    expect(state.github, 'no connector (the check before failed)');
    const before = app.calls.filter(isExecute).length;
    const numbers = [];
    for await (const issue of state.github.issues.all({ per_page: 5 }, { limit: 12 })) {
      expect(isIssue(issue), `not a GitHub issue: ${JSON.stringify(issue)}`);
      numbers.push(issue.number);
    }
    const pages = app.calls.filter(isExecute).length - before;
    expect(numbers.length === 12, `limit 12 gave ${numbers.length} issues`);
    expect(new Set(numbers).size === 12, `an issue came twice: #${numbers.join(', #')}`);
    expect(
      numbers.slice(0, 5).join() === state.firstPage.join(),
      `the first page differs from list(): #${numbers.slice(0, 5).join(', #')} vs #${state.firstPage.join(', #')}`,
    );
    expect(pages === 3, `12 issues 5 a page should take 3 execute requests, took ${pages}`);
    return `12 distinct issues over ${pages} pages`;
  });

  await check('widget-token client', async () => {
    const { token } = await client.tokens.widget({ workspace_name: workspace, allowed_origin: WIDGET_ORIGIN });
    expect(typeof token === 'string' && token.length > 20, `no widget token: ${JSON.stringify(token)}`);
    const browser = recordingFetch();
    // What a page at WIDGET_ORIGIN sends: its Origin, which the mock checks against the token's allowed_origin.
    const widget = createAgentEngineClient({
      baseUrl: mockUrl,
      token,
      headers: { origin: WIDGET_ORIGIN },
      fetch: browser.fetch,
    });
    const connector = await widget.connectors.create({
      workspace_name: workspace,
      definition_id: GITHUB_DEFINITION_ID,
      name: `GitHub from a widget on ${runtime}`,
      credentials: { token: 'ghp_widget_smoke' },
      replication_config: { repositories: ['airbytehq/airbyte'] },
    });
    const page = await widget.connector('github', connector.id).issues.list({ per_page: 3 });
    expect(page.data.length === 3 && page.data.every(isIssue), `3 issues expected: ${JSON.stringify(page.data)}`);
    const confined = await widget.workspaces.list().then(
      () => 'listed every workspace',
      (error) => (error instanceof PermissionDeniedError && error.status === 403 ? 'confined' : String(error)),
    );
    expect(confined === 'confined', `workspaces.list() with a widget token: ${confined} (a 403 expected)`);
    const minted = browser.calls.filter((call) => call.path.endsWith('/token'));
    expect(minted.length === 0, `the widget client asked for a token: ${JSON.stringify(minted)}`);
    return `created connector, 3 issues, workspaces.list() refused 403, ${browser.calls.length} requests`;
  });

  await check('retry after a 503', async () => {
    expect(state.github, 'no connector (the first check failed)');
    const from = app.calls.length;
    app.failNext();
    const started = Date.now();
    const page = await state.github.issues.list({ per_page: 1 });
    const waited = Date.now() - started;
    const calls = app.calls.slice(from);
    const statuses = calls.map((call) => call.status).join(', ');
    expect(page.data.length === 1, `the retried call answered ${page.data.length} issues, not 1`);
    expect(statuses === '503, 200', `expected a 503 then a 200, the mock answered ${statuses}`);
    // The 503 was the one asked for, and the retry the same execute sent again without asking for one.
    expect(
      isExecute(calls[1]) && calls[1].path === calls[0].path && calls[0].faulted && !calls[1].faulted,
      `the retry was not the same execute sent again: ${JSON.stringify(calls)}`,
    );
    expect(waited >= 900, `retried after ${waited} ms, before the 503's Retry-After of 1 s`);

    // With retries off, the same 503 is the client's typed error.
    app.failNext();
    const error = await state.github.issues.list({ per_page: 1 }, { maxRetries: 0 }).then(
      () => null,
      (caught) => caught,
    );
    expect(
      error instanceof ServerError && error.status === 503,
      `maxRetries 0: expected a ServerError 503, got ${error}`,
    );
    return `503 then 200 after ${waited} ms; without retries a ServerError 503`;
  });

  return failed;
}

/** The worker of workerd's `workerd test`: the checks, logged; a failed one fails the test. */
export default {
  async test(_controller, env) {
    const failed = await runSmoke({ mockUrl: env.MOCK_URL, report: console.log });
    if (failed > 0) throw new Error(`${failed} check(s) failed on workerd`);
  },
};

// Run as a program (Node, Bun, Deno; not as workerd's worker): the mock's URL from the command line; exit code 1 when
// a check fails.
if (['node', 'bun', 'deno'].includes(runtimeName())) {
  const exit = (code) => (globalThis.Deno ? globalThis.Deno.exit(code) : globalThis.process.exit(code));
  const [mockUrl] = globalThis.Deno?.args ?? globalThis.process.argv.slice(2);
  if (!mockUrl) {
    console.error('usage: client-smoke.mjs <mock-url>, e.g. http://127.0.0.1:4010 (npm start)');
    exit(2);
  }
  runSmoke({ mockUrl, report: console.log }).then(
    (failed) => exit(failed > 0 ? 1 : 0),
    (error) => {
      console.error(`client-smoke: ${error?.stack ?? error}`);
      exit(1);
    },
  );
}

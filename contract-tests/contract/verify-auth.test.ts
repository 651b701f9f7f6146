// `verify --fuzz`'s ignored_auth with every token it must refuse: none, a malformed one, an expired one, a scoped
// token where the operation takes an application token only (the spec's security roles say which), and another
// workspace's scoped token against this workspace's connector. Against the mock all pass; against mocks that take
// one of them, that one fails, with a reproduction (the scoped token minted by its first line) that fails again.
import { describe, expect, it } from 'vitest';
import { createMockFetch } from '../../mocks/fetch.js';
import { fuzz, type FuzzFailure, type FuzzReport } from '../../src/verify/fuzz.js';
import { applicationToken, replayCurl } from '../support/replay-curl.js';

type Fetch = (input: RequestInfo | URL, init?: RequestInit) => Promise<Response>;
const BASE = 'http://mock.test';
const credentials = { clientId: 'demo-client-id', clientSecret: 'demo-client-secret' };

const run = (fetch: Fetch, extra: Partial<Parameters<typeof fuzz>[0]> = {}) =>
  fuzz({ baseUrl: BASE, ...credentials, readOnly: false, seed: 5, maxExamples: 6, fetch, ...extra });

const failuresOf = (report: FuzzReport, operation: string): FuzzFailure[] =>
  report.checks.find((r) => r.check === 'ignored_auth' && r.operation === operation)?.failures ?? [];

const bearerOf = (request: Request) => /^Bearer (.+)$/.exec(request.headers.get('authorization') ?? '')?.[1];

/** The claims of a JWT-shaped token, or undefined. */
function claimsOf(token: string | undefined): Record<string, unknown> | undefined {
  try {
    return JSON.parse(atob(token!.split('.')[1]!.replace(/-/g, '+').replace(/_/g, '/')));
  } catch {
    return undefined;
  }
}

describe('verify --fuzz: ignored_auth', () => {
  it('sends every kind of wrong token, the mock refuses each, and what the run made is deleted again', async () => {
    const mock = createMockFetch({ seed: 4 });
    const { store } = mock.service;
    const seen = new Map<string, Set<string>>();
    const report = await run(async (input, init) => {
      const request = new Request(input, init);
      const bearer = bearerOf(request);
      const issued = bearer === undefined ? undefined : store.tokens.get(bearer);
      const claims = claimsOf(bearer);
      const kind =
        bearer === undefined
          ? 'none'
          : issued
            ? `${issued.kind}${issued.workspaceId ? ` ${[...store.workspaces.values()].find((w) => w.id === issued.workspaceId)?.name}` : ''}`
            : typeof claims?.exp === 'number' && claims.exp * 1000 < Date.now()
              ? 'expired'
              : 'malformed';
      const { pathname } = new URL(request.url);
      const key = `${request.method} ${pathname.replace(/[0-9a-f-]{36}/g, '{id}')}`;
      seen.set(key, (seen.get(key) ?? new Set()).add(kind));
      return mock.fetch(request);
    });
    expect(report.checks.filter((r) => r.status === 'failed')).toEqual([]);
    // An operation that takes an application token only: every wrong kind was tried.
    expect(seen.get('GET /api/v1/workspaces')).toEqual(
      new Set(['application', 'none', 'malformed', 'expired', 'scoped default']),
    );
    // One a scoped token may call: another workspace's token against default's connector.
    expect(seen.get('GET /api/v1/integrations/connectors/{id}')).toContain('scoped aek-verify-fuzz-other');
    expect(seen.get('GET /api/v1/integrations/connectors/{id}')).not.toContain('scoped default');
    // The connector and the second workspace the run made for this are gone again.
    expect([...store.workspaces.values()].map((w) => w.name)).not.toContain('aek-verify-fuzz-other');
    expect([...store.connectors.values()].map((c) => c.name)).not.toContain('verify --fuzz');
  }, 60_000);

  it('a server that takes an expired token fails ignored_auth, and the printed token fails again', async () => {
    const mock = createMockFetch({ seed: 4 });
    const valid = await applicationToken(mock.fetch, BASE);
    // The defect: a token is looked at for its shape, not checked: one past its exp is let through.
    const lenient: Fetch = async (input, init) => {
      const request = new Request(input, init);
      const claims = claimsOf(bearerOf(request));
      if (typeof claims?.exp !== 'number' || claims.exp * 1000 > Date.now()) return mock.fetch(request);
      const headers = new Headers(request.headers);
      headers.set('authorization', `Bearer ${valid}`);
      return mock.fetch(new Request(request, { headers }));
    };
    const report = await run(lenient);
    const [failure] = failuresOf(report, 'get_workspaces_stats');
    expect(failure!.message).toBe('answered 200 to an expired token (expected 401 or 403)');
    const printed = /Authorization: Bearer ([^']+)'/.exec(failure!.reproduction)![1]!;
    expect(claimsOf(printed)!.exp as number).toBeLessThan(Date.now() / 1000);
    // Nothing of the run's token is in it but its issuer.
    expect(printed.split('.')[2]).not.toBe(valid.split('.')[2]);
    expect((await replayCurl(lenient, failure!.reproduction, BASE)).status).toBe(200);
    expect((await replayCurl(mock.fetch, failure!.reproduction, BASE)).status).toBe(401);
  }, 60_000);

  it('an application-only route that takes a scoped token fails, its reproduction minting the token first', async () => {
    const mock = createMockFetch({ seed: 4 });
    const { store } = mock.service;
    const defect: Fetch = async (input, init) => {
      const request = new Request(input, init);
      const issued = store.tokens.get(bearerOf(request) ?? '');
      if (request.url.endsWith('/api/v1/workspaces/stats') && issued?.kind === 'scoped')
        return Response.json({ active_count: 1, inactive_count: 0, total_count: 1 });
      return mock.fetch(request);
    };
    const report = await run(defect);
    const [failure] = failuresOf(report, 'get_workspaces_stats');
    expect(failure!.message).toBe(
      'answered 200 to a scoped token (of workspace default) where the operation takes an application token (expected 401 or 403)',
    );
    const [mint, send] = failure!.reproduction.split('\n');
    expect(mint).toMatch(
      /^SCOPED_TOKEN=\$\(curl -s -X POST 'http:\/\/mock\.test\/api\/v1\/account\/applications\/scoped-token' -H "Authorization: Bearer \$TOKEN" .*--data-raw '\{"workspace_name":"default"\}' \| jq -r \.token\)$/,
    );
    expect(send).toBe("curl -X GET 'http://mock.test/api/v1/workspaces/stats' \\");
    expect(failure!.reproduction).toContain('-H "Authorization: Bearer $SCOPED_TOKEN"');
    expect((await replayCurl(defect, failure!.reproduction, BASE)).status).toBe(200);
    expect(report.checks.filter((r) => r.status === 'failed').map((r) => r.operation)).toEqual([
      'get_workspaces_stats',
    ]);
  }, 60_000);

  it("another workspace's token that reaches this workspace's connector fails, and so does one its list leaks", async () => {
    const mock = createMockFetch({ seed: 4 });
    const { store } = mock.service;
    const app = await applicationToken(mock.fetch, BASE);
    // The defects: a connector is looked up by id in the organization, whatever workspace the token is for; and the
    // list answers the organization's connectors to any token, whatever it asked for.
    const defect: Fetch = async (input, init) => {
      const request = new Request(input, init);
      const issued = store.tokens.get(bearerOf(request) ?? '');
      const { pathname, origin } = new URL(request.url);
      if (issued?.kind !== 'scoped' || request.method !== 'GET') return mock.fetch(request);
      const headers = { authorization: `Bearer ${app}` };
      if (/^\/api\/v1\/integrations\/connectors\/[0-9a-f-]{36}$/.test(pathname))
        return mock.fetch(request.url, { headers });
      if (pathname === '/api/v1/integrations/connectors') return mock.fetch(`${origin}${pathname}`, { headers });
      return mock.fetch(request);
    };
    const lines: string[] = [];
    const report = await run(defect, { onProgress: (line) => lines.push(line) });
    const [get] = failuresOf(report, 'get_integrations_connectors_id');
    expect(get!.message).toMatch(
      /^answered 200 to workspace aek-verify-fuzz-other's scoped token, naming connector [0-9a-f-]{36} of workspace default \(expected 401 or 403\)$/,
    );
    expect(get!.reproduction).toContain('"workspace_name":"aek-verify-fuzz-other"');
    const [list] = failuresOf(report, 'list_integrations_connectors');
    expect(list!.message).toMatch(
      /^answered 200 to workspace aek-verify-fuzz-other's scoped token with [0-9a-f-]{36}, which is not its workspace's$/,
    );
    // The run kept what the reproductions name (the connector it made, the second workspace), and said so.
    expect(lines).toContain('kept workspace aek-verify-fuzz-other, which the run made: a reproduction below names it');
    expect(lines.filter((line) => /^kept connector [0-9a-f-]{36}, which the run made/.test(line))).toHaveLength(1);
    expect((await replayCurl(defect, get!.reproduction, BASE)).status).toBe(200);
    expect((await replayCurl(mock.fetch, get!.reproduction, BASE)).status).toBe(403);
  }, 60_000);

  it('a read-only run against a target with one workspace says that the other workspace is not tried', async () => {
    const mock = createMockFetch({ seed: 4 });
    const lines: string[] = [];
    const report = await run(mock.fetch, { readOnly: true, onProgress: (line) => lines.push(line) });
    expect(lines).toContain(
      "ignored_auth: the target lists one workspace, so another workspace's scoped token is not tried (--all lets the run make one)",
    );
    expect(report.ok).toBe(true);
  }, 60_000);
});

// `agent-engine-kit proxy`: in front of the standalone mock, traffic passes unchanged and nothing is reported; in front
// of an upstream that breaks the contract in known ways, each break is reported once, with its pointer, in the log
// line, the JSON report and the JUnit file, and --strict blocks them.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startProxy, type RunningProxy } from '../../mocks/proxy/server.js';
import { DEFAULT_MOCK_CLIENT_ID, DEFAULT_MOCK_CLIENT_SECRET } from '../../mocks/service/config.js';
import { startStandaloneMock, type StandaloneMock } from '../../mocks/standalone.js';
import { createAgentEngineClient } from '../../src/index.js';
import { DEVIATIONS, deviationRequest, startDeviatingApi, type DeviatingApi } from '../support/deviating-api.js';
import { startLargeDownloadServer, type LargeDownloadServer } from '../support/large-download.js';
import { ROOT, bundleCli } from '../support/processes.js';
import { runPythonSdkSequence } from '../support/python-sdk.js';

const GITHUB = 'ef69ef6e-aa7f-4af1-a01d-ef775033524e';
const GOOGLE_DRIVE = '9f8dda77-1048-4368-815b-269bf54ee9b8';

describe('the proxy in front of the standalone mock', () => {
  let mock: StandaloneMock;
  let proxy: RunningProxy;
  const lines: string[] = [];

  beforeAll(async () => {
    mock = await startStandaloneMock({ port: 0, seed: 3, log: false });
    proxy = await startProxy({ port: 0, upstream: mock.url, upstreamV1: mock.url, warn: (line) => lines.push(line) });
  });
  afterAll(async () => {
    await proxy.close();
    await mock.close();
  });

  const client = () =>
    createAgentEngineClient({
      baseUrl: proxy.url,
      clientId: DEFAULT_MOCK_CLIENT_ID,
      clientSecret: DEFAULT_MOCK_CLIENT_SECRET,
      maxRetries: 0,
    });

  it('passes the seed flow and a GitHub walk through the typed client with zero violations', async () => {
    const api = client();
    const { definitions } = await api.definitions.listSources({ name: 'github' });
    expect(definitions.map((d) => d.sourceDefinitionId)).toContain(GITHUB);
    const connector = await api.connectors.create({
      workspace_name: 'default',
      definition_id: GITHUB,
      name: 'proxied GitHub',
      credentials: { token: 'ghp_proxied' },
      replication_config: { repositories: ['airbytehq/airbyte'] },
    });
    let issues = 0;
    const numbers: number[] = [];
    for await (const page of api.connectors.executePages(connector.id, {
      entity: 'issues',
      action: 'list',
      params: { per_page: 10 },
    })) {
      issues += (page.result as unknown[]).length;
      numbers.push(...(page.result as { number: number }[]).map((i) => i.number));
    }
    expect(issues).toBeGreaterThan(10);
    // The walk: an issue, its comments, a comment.
    for (const number of numbers.slice(0, 3)) {
      const issue = await api.connectors.execute(connector.id, { entity: 'issues', action: 'get', params: { number } });
      expect((issue.result as { number: number }).number).toBe(number);
      const comments = await api.connectors.execute(connector.id, {
        entity: 'comments',
        action: 'list',
        params: { number },
      });
      const first = (comments.result as { id: number }[])[0]!;
      const comment = await api.connectors.execute(connector.id, {
        entity: 'comments',
        action: 'get',
        params: { id: first.id },
      });
      expect((comment.result as { id: number }).id).toBe(first.id);
    }
    await api.workspaces.list();
    await api.connectors.list({ workspace_name: 'default' });
    await api.connectors.delete(connector.id);
    expect(lines).toEqual([]);
    expect(proxy.report.violationCount).toBe(0);
    const operations = proxy.report.json().operations;
    expect(operations.create_integrations_connectors_id_execute?.['200']).toBeGreaterThan(5);
    expect(operations.delete_integrations_connectors_id).toEqual({ '202': 1 });
  });

  it('answers byte for byte what the upstream answers, with its request id', async () => {
    const api = client();
    const { access_token: token } = await api.tokens.application();
    const headers = { authorization: `Bearer ${token}` };
    const connector = await api.connectors.create({
      workspace_name: 'default',
      definition_id: GOOGLE_DRIVE,
      credentials: { client_id: 'a', client_secret: 'b', refresh_token: 'c' },
      replication_config: { folder_url: 'https://drive.google.com/drive/folders/x', streams: [] },
    });
    const paths = [
      '/api/v1/integrations/definitions/sources?name=git',
      '/api/v1/workspaces?limit=1',
      '/api/v1/integrations/connectors?workspace_name=default',
      `/api/v1/integrations/connectors/${connector.id}`,
      '/api/v1/nothing-here',
    ];
    for (const path of paths) {
      // One at a time through each: the mock answers a request id per request, the rest must match.
      const [direct, proxied] = await Promise.all([
        fetch(`${mock.url}${path}`, { headers }),
        fetch(`${proxy.url}${path}`, { headers }),
      ]);
      expect(proxied.status, path).toBe(direct.status);
      expect(direct.status, path).toBe(path.endsWith('nothing-here') ? 404 : 200);
      expect(proxied.headers.get('content-type')).toBe(direct.headers.get('content-type'));
      expect(proxied.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
      expect(Buffer.from(await proxied.arrayBuffer()).equals(Buffer.from(await direct.arrayBuffer())), path).toBe(true);
    }
    // A download: the bytes and the headers that name them.
    const files = await api.connectors.execute(connector.id, { entity: 'files', action: 'list', params: {} });
    const fileId = (files.result as { id: string }[])[0]!.id;
    const download = (base: string) =>
      fetch(`${base}/api/v1/integrations/connectors/${connector.id}/execute`, {
        method: 'POST',
        headers: { ...headers, 'content-type': 'application/json' },
        body: JSON.stringify({ entity: 'files', action: 'download', params: { fileId } }),
      });
    const [direct, proxied] = await Promise.all([download(mock.url), download(proxy.url)]);
    expect(proxied.status).toBe(200);
    expect(proxied.headers.get('content-disposition')).toBe(direct.headers.get('content-disposition'));
    expect(Buffer.from(await proxied.arrayBuffer()).equals(Buffer.from(await direct.arrayBuffer()))).toBe(true);
    // The one path the spec does not have is the one violation.
    expect(proxy.report.json().violations).toEqual([
      expect.objectContaining({
        operation: 'GET (no operation of the spec)',
        direction: 'request',
        pointer: '/path',
        message: 'expected a method and path of the spec, got GET /api/v1/nothing-here',
      }),
    ]);
  });

  it("passes the official Python SDK's request sequence with no violation", async () => {
    const before = proxy.report.violationCount;
    await runPythonSdkSequence(proxy.url);
    // The sequence's malformed execute is the one the SDK sends on purpose (a model's mistake): reported, as it should be.
    const fresh = proxy.report.json().violations.slice(before);
    expect(fresh.map((v) => v.pointer).sort()).toEqual(['/body/params/colour', '/body/params/per_page']);
  });
});

describe('the proxy in front of an upstream that breaks the contract', () => {
  let api: DeviatingApi;
  beforeAll(async () => {
    api = await startDeviatingApi();
  });
  afterAll(() => api.close());

  it('reports each break once, with its pointer and the request id, and passes every answer on', async () => {
    const lines: string[] = [];
    const proxy = await startProxy({ port: 0, upstream: api.url, upstreamV1: api.url, warn: (l) => lines.push(l) });
    try {
      for (const deviation of DEVIATIONS) {
        const response = await deviationRequest(proxy.url, deviation, api.connectorId);
        await response.arrayBuffer();
        // Never blocked: the upstream's own status comes back.
        expect(response.status, deviation.name).toBe(deviation.pointer === '/status' ? 418 : 200);
      }
    } finally {
      await proxy.close();
    }
    const { violations } = proxy.report.json();
    expect(violations.map((v) => [v.operation, v.direction, v.pointer])).toEqual(
      DEVIATIONS.map((d) => [d.operation, d.direction, d.pointer]),
    );
    for (const violation of violations) expect(violation.requestId).toMatch(/^deviating-\d+$/);
    expect(lines).toHaveLength(DEVIATIONS.length);
    expect(lines[0]).toMatch(
      /^violation: get_workspaces_stats response \/body\/total_count: expected integer, got a string of 1 characters \(request id deviating-\d+\)$/,
    );
    // The connector's definition was asked of the upstream once, for three executes.
    expect(api.received.filter((r) => r === `GET /api/v1/integrations/connectors/${api.connectorId}`)).toHaveLength(1);
  });

  it('says a problem that both the spec and the connector definition find once', async () => {
    const lines: string[] = [];
    const proxy = await startProxy({ port: 0, upstream: api.url, upstreamV1: api.url, warn: (l) => lines.push(l) });
    try {
      const response = await fetch(`${proxy.url}/api/v1/integrations/connectors/${api.connectorId}/execute`, {
        method: 'POST',
        headers: { authorization: 'Bearer t', 'content-type': 'application/json' },
        body: JSON.stringify({ entity: 'issues', action: 'list', params: [] }),
      });
      await response.arrayBuffer();
    } finally {
      await proxy.close();
    }
    expect(proxy.report.json().violations.map((v) => v.pointer)).toEqual(['/body/params']);
    expect(lines.filter((l) => l.startsWith('violation:'))).toHaveLength(1);
  });

  it('--strict refuses the bad request before the upstream sees it and turns each bad answer into a 502', async () => {
    const proxy = await startProxy({ port: 0, upstream: api.url, upstreamV1: api.url, strict: true, warn: () => {} });
    const sentBefore = api.received.filter((r) => r.endsWith('/execute')).length;
    try {
      for (const deviation of DEVIATIONS) {
        const response = await deviationRequest(proxy.url, deviation, api.connectorId);
        const body = (await response.json().catch(() => null)) as { message: string; errors: { field: string }[] };
        if (deviation.direction === 'request') {
          expect(response.status, deviation.name).toBe(422);
          expect(body.errors.map((e) => e.field)).toEqual([deviation.pointer]);
        } else {
          expect(response.status, deviation.name).toBe(502);
          expect(body.message).toContain(deviation.pointer);
          expect(body.errors.map((e) => e.field)).toContain(deviation.pointer);
        }
      }
    } finally {
      await proxy.close();
    }
    // Two executes went on (the bad answers); the bad request did not.
    expect(api.received.filter((r) => r.endsWith('/execute')).length - sentBefore).toBe(2);
  });

  it('the command writes the log lines, the JSON report and the JUnit file, and exits 1 with --fail-on-violation', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'proxy-report-'));
    const bundle = `${ROOT}mock-dist/cli-proxy-under-test.mjs`;
    await bundleCli(bundle);
    const child = spawn(
      process.execPath,
      [
        bundle,
        'proxy',
        '--upstream',
        api.url,
        '--upstream-v1',
        api.url,
        '--port',
        '0',
        '--report',
        join(directory, 'report.json'),
        '--report-junit',
        join(directory, 'report.xml'),
        '--exit-after',
        String(DEVIATIONS.length),
        '--fail-on-violation',
        '--quiet',
      ],
      { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const exit = new Promise<number | null>((resolve) => child.once('exit', resolve));
    try {
      await expect.poll(() => /on (http:\/\/127\.0\.0\.1:\d+)/.exec(stdout)?.[1], { timeout: 20_000 }).toBeTruthy();
      const url = /on (http:\/\/127\.0\.0\.1:\d+)/.exec(stdout)![1]!;
      for (const deviation of DEVIATIONS) await (await deviationRequest(url, deviation, api.connectorId)).arrayBuffer();
      expect(await exit).toBe(1);
      const violationLines = stderr.split('\n').filter((l) => l.startsWith('violation: '));
      expect(violationLines).toHaveLength(DEVIATIONS.length);
      for (const deviation of DEVIATIONS)
        expect(violationLines.filter((l) => l.includes(` ${deviation.direction} ${deviation.pointer}: `))).toHaveLength(
          1,
        );
      const report = JSON.parse(readFileSync(join(directory, 'report.json'), 'utf8'));
      expect(report.upstream).toBe(api.url);
      expect(report.operations.create_integrations_connectors_id_execute).toEqual({ '200': 3 });
      expect(report.operations.list_skills).toEqual({ '418': 1 });
      // In any order: the command checks the large answer (sixty issues) in its worker thread, which may end later.
      expect(report.violations.map((v: { pointer: string }) => v.pointer).sort()).toEqual(
        DEVIATIONS.map((d) => d.pointer).sort(),
      );
      const junit = readFileSync(join(directory, 'report.xml'), 'utf8');
      expect(junit).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<testsuites tests="5" failures="5"/);
      // Each once: a failure per violation, in the test case of its operation.
      for (const deviation of DEVIATIONS)
        expect(junit.split(`<failure message="${deviation.direction} ${deviation.pointer}: `)).toHaveLength(2);
      expect(junit).toContain('<testcase name="create_integrations_connectors_id_execute"');
    } finally {
      child.kill();
      rmSync(directory, { recursive: true, force: true });
      rmSync(bundle, { force: true });
    }
  });
});

describe('the proxy streams', () => {
  let upstream: LargeDownloadServer;
  let url: string;
  const SIZE = 100 * 1024 * 1024;
  beforeAll(async () => {
    upstream = await startLargeDownloadServer(SIZE, 7);
    url = upstream.url;
  });
  afterAll(() => upstream.close());

  it('passes a 100 MB download through in constant memory, bytes unchanged', async () => {
    const proxy = await startProxy({ port: 0, upstream: url, upstreamV1: url, warn: () => {} });
    try {
      const rssBefore = process.memoryUsage().rss;
      let peak = rssBefore;
      const response = await fetch(
        `${proxy.url}/api/v1/integrations/connectors/00000000-0000-4000-8000-000000000000/execute`,
        {
          method: 'POST',
          headers: { authorization: 'Bearer t', 'content-type': 'application/json' },
          body: JSON.stringify({ entity: 'files', action: 'download', params: { fileId: 'big' } }),
        },
      );
      expect(response.headers.get('x-request-id')).toBe('big-download');
      const hash = createHash('sha256');
      let size = 0;
      for await (const chunk of response.body! as unknown as AsyncIterable<Uint8Array>) {
        hash.update(chunk);
        size += chunk.byteLength;
        peak = Math.max(peak, process.memoryUsage().rss);
      }
      expect(size).toBe(SIZE);
      expect(hash.digest('hex')).toBe(createHash('sha256').update(Buffer.alloc(SIZE, 7)).digest('hex'));
      // Held in memory, the download alone would add 100 MB.
      expect(peak - rssBefore).toBeLessThan(60 * 1024 * 1024);
    } finally {
      await proxy.close();
    }
  }, 60_000);
});

describe('the proxy and hostile requests', () => {
  let upstream: Server;
  let url: string;
  const seen: string[] = [];
  beforeAll(async () => {
    upstream = createServer((incoming, outgoing) => {
      seen.push(`${incoming.headers.host} ${incoming.url}`);
      outgoing.writeHead(404, { 'content-type': 'application/json' });
      outgoing.end('{"message":"Not found.","errors":[]}');
    });
    await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(upstream.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => upstream.close(() => resolve())));

  it('sends every request to its upstream only, whatever its target says', async () => {
    const lines: string[] = [];
    const proxy = await startProxy({ port: 0, upstream: url, upstreamV1: url, warn: (l) => lines.push(l) });
    const { request } = await import('node:http');
    const raw = (path: string) =>
      new Promise<number>((resolve, reject) => {
        const address = new URL(proxy.url);
        const req = request({ host: address.hostname, port: address.port, path, method: 'GET' }, (res) => {
          res.resume();
          res.on('end', () => resolve(res.statusCode ?? 0));
        });
        req.on('error', reject);
        req.end();
      });
    try {
      for (const path of ['//evil.example/api/v1/workspaces', 'http://evil.example/api/v1/workspaces', '/api/v1/%zz'])
        expect(await raw(path)).toBe(404);
    } finally {
      await proxy.close();
    }
    const host = new URL(url).host;
    expect(seen.every((line) => line.startsWith(`${host} /`))).toBe(true);
    expect(seen).toContain(`${host} //evil.example/api/v1/workspaces`);
    // None of them is a path of the spec: each is reported as such, none crashed the proxy.
    expect(lines.filter((l) => l.includes('/path: expected a method and path of the spec'))).toHaveLength(3);
  });
});

describe('the proxy and what HTTP allows', () => {
  let upstream: Server;
  let url: string;
  /** Every request the upstream read: method, path, body. */
  const seen: { method: string; path: string; body: string }[] = [];
  let answer: 'json' | 'never' = 'json';
  beforeAll(async () => {
    upstream = createServer(async (incoming, outgoing) => {
      const chunks: Buffer[] = [];
      for await (const chunk of incoming) chunks.push(chunk as Buffer);
      seen.push({ method: incoming.method!, path: incoming.url!, body: Buffer.concat(chunks).toString() });
      if (answer === 'never') return; // an upstream that never answers
      const body = JSON.stringify({ active_count: 1, inactive_count: 0, total_count: 1 });
      outgoing.writeHead(200, {
        'content-type': 'application/json',
        'content-length': String(Buffer.byteLength(body)),
      });
      outgoing.end(incoming.method === 'HEAD' ? undefined : body);
    });
    await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(upstream.address() as AddressInfo).port}`;
  });
  afterAll(() => {
    upstream.closeAllConnections();
    return new Promise<void>((resolve) => upstream.close(() => resolve()));
  });

  /** A request written by hand on one connection, and everything that came back on it. */
  const raw = (proxyUrl: string, text: string) =>
    new Promise<string>((resolve, reject) => {
      const { port } = new URL(proxyUrl);
      import('node:net').then(({ connect }) => {
        const socket = connect(Number(port), '127.0.0.1', () => socket.write(text));
        let got = '';
        socket.on('data', (chunk) => (got += chunk));
        socket.on('end', () => resolve(got));
        socket.on('error', reject);
      });
    });

  it('frames a chunked body anew: what rides in it never reaches the upstream as a request of its own', async () => {
    const proxy = await startProxy({ port: 0, upstream: url, upstreamV1: url, warn: () => {} });
    try {
      seen.length = 0;
      const smuggled = 'GET /api/v1/workspaces/stats HTTP/1.1\r\nHost: x\r\n\r\n';
      const chunk = `${Buffer.byteLength(smuggled).toString(16)}\r\n${smuggled}\r\n0\r\n\r\n`;
      const answers = await raw(
        proxy.url,
        `DELETE /api/v1/workspaces/stats HTTP/1.1\r\nHost: p\r\nAuthorization: Bearer t\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n${chunk}`,
      );
      expect(answers.match(/^HTTP\/1\.1 /gm)).toHaveLength(1);
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(seen).toEqual([{ method: 'DELETE', path: '/api/v1/workspaces/stats', body: smuggled }]);
    } finally {
      await proxy.close();
    }
  });

  it('passes a GET with a body on, and checks a HEAD as its GET', async () => {
    const lines: string[] = [];
    const proxy = await startProxy({ port: 0, upstream: url, upstreamV1: url, warn: (l) => lines.push(l) });
    try {
      seen.length = 0;
      const got = await raw(
        proxy.url,
        'GET /api/v1/workspaces/stats HTTP/1.1\r\nHost: p\r\nAuthorization: Bearer t\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}',
      );
      expect(got).toMatch(/^HTTP\/1\.1 200 /);
      const head = await fetch(`${proxy.url}/api/v1/workspaces/stats`, {
        method: 'HEAD',
        headers: { authorization: 'Bearer t' },
      });
      expect(head.status).toBe(200);
      expect(seen.map((r) => `${r.method} ${r.body}`)).toEqual(['GET {}', 'HEAD ']);
    } finally {
      await proxy.close();
    }
    expect(lines).toEqual([]);
    expect(proxy.report.json().operations.get_workspaces_stats).toEqual({ '200': 2 });
  });

  it('closes in bounded time with an upstream that never answers, and counts the exchange it cut', async () => {
    answer = 'never';
    seen.length = 0;
    const proxy = await startProxy({ port: 0, upstream: url, upstreamV1: url, warn: () => {}, closeGraceMs: 300 });
    try {
      const pendingCall = fetch(`${proxy.url}/api/v1/workspaces/stats`, {
        headers: { authorization: 'Bearer t' },
      }).catch((error: unknown) => error);
      await expect.poll(() => seen.length).toBeGreaterThan(0);
      const started = performance.now();
      await proxy.close();
      expect(performance.now() - started).toBeLessThan(3_000);
      await pendingCall;
      expect(Object.keys(proxy.report.json().operations.get_workspaces_stats ?? {})).toHaveLength(1);
    } finally {
      answer = 'json';
    }
  });

  it('refuses an upstream URL with credentials in it (they would be in every report)', async () => {
    await expect(startProxy({ port: 0, upstream: 'http://user:secret@127.0.0.1:9' })).rejects.toThrow(
      '--upstream takes no user name or password',
    );
  });
});

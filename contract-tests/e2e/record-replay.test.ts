// Record, then replay: what a client listed through `agent-engine-kit proxy --record`, it lists identically, page by
// page, from a mock that replays the recording (`mock --replay`), and can then create, update and search over it. The
// replaying mock has another seed, so that only the recording can explain what it serves.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Har } from '../../mocks/har/format.js';
import { HarRecorder } from '../../mocks/har/recorder.js';
import { createMockFetch } from '../../mocks/fetch.js';
import { startProxy } from '../../mocks/proxy/server.js';
import { DEFAULT_MOCK_CLIENT_ID, DEFAULT_MOCK_CLIENT_SECRET } from '../../mocks/service/config.js';
import { startStandaloneMock } from '../../mocks/standalone.js';
import { createAgentEngineClient, type AgentEngineClient } from '../../src/index.js';
import { freePort, startNodeProcess } from '../support/processes.js';

const GITHUB = 'ef69ef6e-aa7f-4af1-a01d-ef775033524e';
type Issue = { number: number; title: string; state: string };
const credentials = { clientId: DEFAULT_MOCK_CLIENT_ID, clientSecret: DEFAULT_MOCK_CLIENT_SECRET, maxRetries: 0 };

/** Every page of GitHub issues, 10 a page, as the client pages them. */
async function issuePages(client: AgentEngineClient, connectorId: string) {
  const pages: { records: Issue[]; meta: unknown }[] = [];
  for await (const page of client.connectors.executePages(connectorId, {
    entity: 'issues',
    action: 'list',
    params: { per_page: 10 },
  }))
    pages.push({ records: page.result as Issue[], meta: page.connector_metadata });
  return pages;
}

describe('record through the proxy, then replay into the mock', () => {
  let directory: string;
  let file: string;
  let connectorId: string;
  let recorded: { records: Issue[]; meta: unknown }[];
  let comments: unknown[];

  beforeAll(async () => {
    directory = mkdtempSync(join(tmpdir(), 'record-replay-'));
    file = join(directory, 'github.har');
    const upstream = await startStandaloneMock({ port: 0, seed: 4, log: false });
    const proxy = await startProxy({
      port: 0,
      upstream: upstream.url,
      upstreamV1: upstream.url,
      recorder: HarRecorder.open(file),
      warn: () => {},
    });
    try {
      const client = createAgentEngineClient({ ...credentials, baseUrl: proxy.url });
      const connector = await client.connectors.create({
        workspace_name: 'default',
        definition_id: GITHUB,
        name: 'Recorded GitHub',
        credentials: { token: 'ghp_recorded_secret_value' },
        replication_config: { repositories: ['airbytehq/airbyte'] },
      });
      connectorId = connector.id;
      recorded = await issuePages(client, connectorId);
      const third = recorded[0]!.records[2]!;
      await client.connectors.execute(connectorId, {
        entity: 'issues',
        action: 'get',
        params: { number: third.number },
      });
      comments = (
        await client.connectors.execute(connectorId, {
          entity: 'comments',
          action: 'list',
          params: { number: third.number },
        })
      ).result as unknown[];
      expect(proxy.report.violationCount).toBe(0);
    } finally {
      await proxy.close();
      await upstream.close();
    }
  });
  afterAll(() => rmSync(directory, { recursive: true, force: true }));

  it('recorded every page, and no secret', () => {
    const text = readFileSync(file, 'utf8');
    expect(recorded.length).toBeGreaterThan(2);
    expect(text).not.toContain('ghp_recorded_secret_value');
    expect(text).not.toContain(DEFAULT_MOCK_CLIENT_SECRET);
  });

  it('lists identically from the replaying mock, page by page; a mock of its seed alone does not', async () => {
    const mock = createMockFetch({ seed: 77, replay: file });
    const client = createAgentEngineClient({ ...credentials, baseUrl: 'https://api.airbyte.ai', fetch: mock.fetch });
    const [listed] = (await client.connectors.list({ workspace_name: 'default' })).data;
    expect(listed).toMatchObject({ id: connectorId, name: 'Recorded GitHub' });
    const replayed = await issuePages(client, connectorId);
    expect(replayed).toEqual(recorded);
    // The walk from a recorded issue to its recorded comments.
    const number = recorded[0]!.records[2]!.number;
    const replayedComments = await client.connectors.execute(connectorId, {
      entity: 'comments',
      action: 'list',
      params: { number },
    });
    expect(replayedComments.result).toEqual(comments);

    const plain = createMockFetch({ seed: 77 });
    const other = createAgentEngineClient({ ...credentials, baseUrl: 'https://api.airbyte.ai', fetch: plain.fetch });
    const created = await other.connectors.create({
      workspace_name: 'default',
      definition_id: GITHUB,
      credentials: { token: 'x' },
      replication_config: { repositories: ['airbytehq/airbyte'] },
    });
    expect((await issuePages(other, created.id))[0]!.records).not.toEqual(recorded[0]!.records);
  });

  it('then creates, updates and searches over the recorded records', async () => {
    const mock = createMockFetch({ seed: 78, replay: file });
    const client = createAgentEngineClient({ ...credentials, baseUrl: 'https://api.airbyte.ai', fetch: mock.fetch });
    const all = () => issuePages(client, connectorId).then((pages) => pages.flatMap((p) => p.records));
    const before = await all();
    expect(before).toEqual(recorded.flatMap((p) => p.records));

    const created = (
      await client.connectors.execute(connectorId, {
        entity: 'issues',
        action: 'create',
        params: { title: 'Replayed and then created' },
      })
    ).result as Issue;
    const after = await all();
    expect(after).toHaveLength(before.length + 1);
    expect(after.at(-1)).toMatchObject({ number: created.number, title: 'Replayed and then created' });

    const target = before[4]!;
    await client.connectors.execute(connectorId, {
      entity: 'issues',
      action: 'update',
      params: { issue_number: target.number, title: 'Renamed after the replay' },
    });
    const read = await client.connectors.execute(connectorId, {
      entity: 'issues',
      action: 'get',
      params: { number: target.number },
    });
    expect(read.result).toMatchObject({ number: target.number, title: 'Renamed after the replay' });

    const word = before[7]!.title.split(/\s+/).find((w) => /^[A-Za-z]{4,}$/.test(w))!;
    const searched = await client.connectors.execute(connectorId, {
      entity: 'issues',
      action: 'context_store_search',
      params: { query: { filter: { eq: { number: before[7]!.number } } } },
    });
    expect((searched.result as { data: Issue[] }).data.map((i) => i.number)).toEqual([before[7]!.number]);
    const found = await client.connectors.execute(connectorId, {
      entity: 'issues',
      action: 'api_search',
      params: { query: word },
    });
    expect((found.result as Issue[]).map((i) => i.number)).toContain(before[7]!.number);
  });

  it('replays through MSW (setupMockServer) and through npm start -- --replay as through a fetch', async () => {
    const { setupMockServer } = await import('../../mocks/node.js');
    const { server } = setupMockServer({ seed: 80, replay: file });
    server.listen({ onUnhandledRequest: 'bypass' });
    try {
      const client = createAgentEngineClient({
        ...credentials,
        baseUrl: 'https://api.airbyte.ai',
        fetch: (...args) => fetch(...args),
      });
      expect(await issuePages(client, connectorId)).toEqual(recorded);
    } finally {
      server.close();
    }
    // What `npm start` runs: the bundle its prestart step builds, given the file after `--`.
    // @ts-expect-error: a plain .mjs helper without type declarations
    const { buildMock } = await import('../../scripts/build-mock.mjs');
    const bundle: string = await buildMock();
    const port = await freePort();
    const started = await startNodeProcess([bundle, '--replay', file], /ready in \d+ ms/, { PORT: String(port) });
    try {
      expect(started.output()).toMatch(/replayed .*github\.har: \d+ workspaces?, 1 connector, \d+ records/);
      const client = createAgentEngineClient({ ...credentials, baseUrl: `http://127.0.0.1:${port}` });
      expect(await issuePages(client, connectorId)).toEqual(recorded);
    } finally {
      started.child.kill('SIGTERM');
    }
  }, 60_000);

  it('replays a recording whose last write a kill tore, with a warning', () => {
    const text = readFileSync(file, 'utf8');
    const torn = join(directory, 'torn.har');
    writeFileSync(torn, text.slice(0, text.length - 200));
    const mock = createMockFetch({ seed: 79, replay: torn });
    const whole = (JSON.parse(text) as Har).log.entries.length;
    expect(mock.service.replayed?.entries).toBe(whole - 1);
    expect(mock.service.replayed?.warnings.join('\n')).toMatch(/cut short in its last entry/);
  });
});

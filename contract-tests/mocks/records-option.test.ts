// `records`: how many records each listable entity of a connector holds (`--records`, AGENT_ENGINE_MOCK_RECORDS,
// `createMockFetch`/`setupMockServer` options), for tests of paging, truncation and agents over large results. Each
// entity is built when first read, so a large GitHub `issues` builds nothing else; the same seed gives the same
// records; a bad value is refused in one line.
import { describe, expect, it } from 'vitest';
import { connectorDefinition } from '../../mocks/connectors/definitions.js';
import { Dataset, buildDataset } from '../../mocks/execute/dataset.js';
import { executeAction } from '../../mocks/execute/engine.js';
import { createMockFetch } from '../../mocks/node.js';
import { MockConfigError, resolveMockConfig } from '../../mocks/service/config.js';
import { createAgentEngineClient } from '../../src/index.js';

async function githubOf(records: number, seed = 1) {
  const mock = createMockFetch({ records, seed });
  const client = createAgentEngineClient({
    baseUrl: 'https://api.airbyte.ai',
    clientId: 'demo-client-id',
    clientSecret: 'demo-client-secret',
    fetch: mock.fetch,
  });
  const connector = await client.connectors.create({
    workspace_name: 'default',
    connector_type: 'GitHub',
    credentials: { token: 'ghp_records' },
    replication_config: { repositories: ['airbytehq/airbyte'] },
  });
  return { mock, github: client.connector('github', connector.id), id: connector.id };
}

describe('records per entity', () => {
  it('holds N records in a listable entity, built alone when first read, and pages through all of them', async () => {
    const { mock, github, id } = await githubOf(2_500);
    const first = await github.issues.list({ owner: 'airbytehq', repo: 'airbyte', per_page: 100 });
    expect(first.data).toHaveLength(100);
    expect([...mock.service.store.records.get(id)!.entries()].map(([entity]) => entity)).toEqual(['issues']);
    const numbers = new Set<number>();
    for await (const issue of github.issues.all({ owner: 'airbytehq', repo: 'airbyte', per_page: 100 }))
      numbers.add(issue.number as number);
    expect(numbers.size).toBe(2_500);
    // A child entity holds N as well, every issue with a comment of its own.
    const comments = await github.comments.list({
      owner: 'airbytehq',
      repo: 'airbyte',
      number: first.data[0]!.number!,
    });
    expect(comments.data.length).toBeGreaterThan(0);
    expect(mock.service.store.records.get(id)!.get('comments')).toHaveLength(2_500);
  }, 60_000);

  it('makes many records as they are read: the first page of a million issues costs a page, not a million', async () => {
    const { github } = await githubOf(1_000_000);
    const started = performance.now();
    const first = await github.issues.list({ owner: 'airbytehq', repo: 'airbyte', per_page: 100 });
    // Making all of them takes about a minute here: the first page must not.
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(first.data).toHaveLength(100);
    expect(first.meta).toMatchObject({ has_next_page: true });
  }, 30_000);

  it('reads the same records in any order, and writes to them as to any list', () => {
    const definition = connectorDefinition('github')!;
    const inOrder = buildDataset(definition, 9, { records: 3_000 }).get('issues')!;
    const dataset = buildDataset(definition, 9, { records: 3_000 });
    const issues = dataset.get('issues')!;
    expect(issues).toHaveLength(3_000);
    const last = issues[2_999]!;
    expect(JSON.stringify(issues)).toBe(JSON.stringify(inOrder));
    expect(issues[2_999]).toBe(last);
    const h = (action: string, params: Record<string, unknown>) =>
      executeAction(
        definition,
        dataset,
        { entity: 'issues', action, params },
        { connectorId: 'c', replicationConfig: { repositories: ['a/b'] }, seed: 9, validateRecords: true },
      ) as { status: number; body: any };
    const created = h('create', { title: 'Made on top of three thousand' });
    expect(created.status).toBe(200);
    expect(issues).toHaveLength(3_001);
    expect(h('get', { number: created.body.result.number }).body.result.title).toBe('Made on top of three thousand');
    expect(h('get', { number: last.number }).status).toBe(200);
    // A snapshot (a state file) keeps them, the new one included, and the parents of children made lazily.
    const comment = dataset.get('comments')![2_500]!;
    const restored = Dataset.restore(definition, 9, JSON.parse(JSON.stringify(dataset.snapshot())));
    expect(restored.get('issues')).toHaveLength(3_001);
    expect(JSON.stringify(restored.get('issues'))).toBe(JSON.stringify(issues));
    const again = restored.get('comments')![2_500]!;
    expect(restored.ancestorOf(again, 'issues')?.number).toBe(dataset.ancestorOf(comment, 'issues')?.number);
  });

  it('builds the same children after a restart as without one (a state file keeps what each entity was built as)', () => {
    const definition = connectorDefinition('github')!;
    const run = (dataset: Dataset, action: string, params: Record<string, unknown>) =>
      executeAction(
        definition,
        dataset,
        { entity: 'issues', action, params },
        { connectorId: 'c', replicationConfig: { repositories: ['a/b'] }, seed: 4, validateRecords: true },
      );
    const once = buildDataset(definition, 4);
    const restarted = buildDataset(definition, 4);
    for (const dataset of [once, restarted]) {
      run(dataset, 'create', { title: 'Before the comments were first read' });
      const gone = dataset.get('issues')![3]!;
      run(dataset, 'delete', { number: gone.number });
    }
    const afterRestart = Dataset.restore(definition, 4, JSON.parse(JSON.stringify(restarted.snapshot())));
    expect(JSON.stringify(afterRestart.get('comments'))).toBe(JSON.stringify(once.get('comments')));
    const parentOf = (dataset: Dataset) =>
      dataset.get('comments')!.map((c) => dataset.ancestorOf(c, 'issues')?.number ?? null);
    expect(parentOf(afterRestart)).toEqual(parentOf(once));
  });

  it('gives the same records for the same seed, other records for another', async () => {
    const page = async (seed: number) =>
      (await (await githubOf(300, seed)).github.issues.list({ owner: 'airbytehq', repo: 'airbyte', per_page: 50 }))
        .data;
    const [a, b, c] = await Promise.all([page(4), page(4), page(5)]);
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    expect(JSON.stringify(a)).not.toBe(JSON.stringify(c));
  });

  it('refuses a number of records that is not a whole number from 1 to a million, naming the setting', () => {
    for (const records of [0, -1, 2.5, Number.NaN, 1_000_001])
      expect(() => resolveMockConfig({ records })).toThrow(
        /^records \(--records, AGENT_ENGINE_MOCK_RECORDS\) must be a whole number from 1 to 1,000,000/,
      );
    expect(() => resolveMockConfig({ records: 0 })).toThrow(MockConfigError);
    expect(resolveMockConfig({ records: 1_000_000 }).recordsPerEntity).toBe(1_000_000);
    expect(resolveMockConfig({}).recordsPerEntity).toBeUndefined();
  });
});

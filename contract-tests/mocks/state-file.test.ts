// `--state FILE`: the store survives a restart, a kill at any moment loses no change the mock answered, and a file that
// is not the mock's (or of another version or seed) is refused with what to do, never a stack.
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_MOCK_CLIENT_ID, DEFAULT_MOCK_CLIENT_SECRET } from '../../mocks/service/config.js';
import { StateFileError } from '../../mocks/service/state-file.js';
import { startStandaloneMock } from '../../mocks/standalone.js';
import { createAgentEngineClient } from '../../src/index.js';
import { freePort, runNodeProcess, startProcess } from '../support/processes.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'agent-engine-kit-state-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const clientOf = (baseUrl: string) =>
  createAgentEngineClient({
    baseUrl,
    clientId: DEFAULT_MOCK_CLIENT_ID,
    clientSecret: DEFAULT_MOCK_CLIENT_SECRET,
    maxRetries: 0,
  });
const github = (workspace_name: string) => ({
  workspace_name,
  connector_type: 'GitHub',
  credentials: { token: 'ghp_state' },
  replication_config: { repositories: ['airbytehq/airbyte'] },
});

describe('the store in a state file', () => {
  it('survives a restart: workspaces, connectors, records written by execute; new ids do not collide', async () => {
    const file = join(work, 'restart.json');
    const first = await startStandaloneMock({ port: 0, log: false, stateFile: file });
    const client = clientOf(first.url);
    const acme = client.forWorkspace('acme-state');
    const connector = await acme.connectors.create(github('acme-state'));
    const created = await acme.connector('github', connector.id).execute({
      entity: 'issues',
      action: 'create',
      params: { owner: 'airbytehq', repo: 'airbyte', title: 'Kept across restarts' },
    });
    const number = (created.data as { number: number }).number;
    // A comment on the new issue: its parent is kept beside it, so the issue's comments list it after the restart.
    const comment = await acme
      .connector('github', connector.id)
      .comments.create({ owner: 'airbytehq', repo: 'airbyte', issue_number: number, body: 'Kept too' });
    await first.close();
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ format: 'agent-engine-kit-mock-state', version: 2 });

    const second = await startStandaloneMock({ port: 0, log: false, stateFile: file });
    try {
      const again = clientOf(second.url);
      const found = await again.connectors.list({ workspace_name: 'acme-state' });
      expect(found.data.map((c) => c.id)).toEqual([connector.id]);
      const issue = await again
        .connector('github', connector.id)
        .issues.get({ owner: 'airbytehq', repo: 'airbyte', number });
      expect(issue.data.title).toBe('Kept across restarts');
      const comments = await again
        .connector('github', connector.id)
        .comments.list({ owner: 'airbytehq', repo: 'airbyte', number });
      expect(comments.data.map((c) => String(c.id))).toEqual([String((comment.data as { id?: unknown }).id)]);
      const another = await again.connectors.create(github('acme-state'));
      expect(another.id).not.toBe(connector.id);
    } finally {
      await second.close();
    }
  });

  it('a kill right after an answer loses nothing (npm start, --state)', async () => {
    const { buildMock } = await import(pathToFileURL(`${root}scripts/build-mock.mjs`).href);
    const bundle: string = await buildMock();
    const file = join(work, 'killed.json');
    const start = async () => {
      const port = await freePort();
      const { child } = await startProcess(process.execPath, [bundle, '--state', file], /ready in \d+ ms/, {
        env: { ...process.env, PORT: String(port) },
        timeoutMs: 20_000,
      });
      return { child, url: `http://127.0.0.1:${port}` };
    };
    const first = await start();
    const created = await clientOf(first.url).forWorkspace('killed').connectors.create(github('killed'));
    first.child.kill('SIGKILL');
    const second = await start();
    try {
      expect((await clientOf(second.url).connectors.get(created.id)).name).toBe(created.name);
    } finally {
      second.child.kill('SIGTERM');
    }
  }, 60_000);

  it('refuses a file that is not the mock state, or of another version or seed, saying what to do', async () => {
    const garbage = join(work, 'garbage.json');
    writeFileSync(garbage, '{"this is": "not');
    await expect(startStandaloneMock({ port: 0, log: false, stateFile: garbage })).rejects.toThrow(StateFileError);
    await expect(startStandaloneMock({ port: 0, log: false, stateFile: garbage })).rejects.toThrow(
      /not a state file of the mock.*delete it/,
    );
    const future = join(work, 'future.json');
    writeFileSync(future, JSON.stringify({ format: 'agent-engine-kit-mock-state', version: 99 }));
    await expect(startStandaloneMock({ port: 0, log: false, stateFile: future })).rejects.toThrow(/another version/);
    // A state file of version 1 (records without their parents) is refused; so are records not as the mock writes them.
    const older = join(work, 'older.json');
    writeFileSync(older, JSON.stringify({ format: 'agent-engine-kit-mock-state', version: 1 }));
    await expect(startStandaloneMock({ port: 0, log: false, stateFile: older })).rejects.toThrow(/another version/);
    const kept = join(work, 'kept.json');
    const keeping = await startStandaloneMock({ port: 0, log: false, stateFile: kept });
    await clientOf(keeping.url).tokens.scoped('kept');
    await keeping.close();
    const damaged = JSON.parse(readFileSync(kept, 'utf8'));
    damaged.records = [['6f1c2d3e-4a5b-4c6d-8e7f-9a0b1c2d3e4f', { entities: [['issues', 'not a list']], parents: [] }]];
    writeFileSync(kept, JSON.stringify(damaged));
    await expect(startStandaloneMock({ port: 0, log: false, stateFile: kept })).rejects.toThrow(
      /is damaged \(a connector's records are not as the mock writes them\)/,
    );
    for (const record of [42, null, ['a']]) {
      damaged.records = [['6f1c2d3e-4a5b-4c6d-8e7f-9a0b1c2d3e4f', { entities: [['issues', [record]]], parents: [] }]];
      writeFileSync(kept, JSON.stringify(damaged));
      await expect(startStandaloneMock({ port: 0, log: false, stateFile: kept })).rejects.toThrow(StateFileError);
    }
    const seeded = join(work, 'seeded.json');
    const mock = await startStandaloneMock({ port: 0, log: false, stateFile: seeded, seed: 3 });
    await clientOf(mock.url).tokens.scoped('seeded');
    await mock.close();
    await expect(startStandaloneMock({ port: 0, log: false, stateFile: seeded })).rejects.toThrow(
      /written with seed 3/,
    );
    // The command says so in a line and exits 1: no stack.
    const run = await runNodeProcess(
      [
        '--import',
        'tsx',
        '--import',
        './scripts/yaml-register.mjs',
        'bin/agent-engine-kit.ts',
        'mock',
        '--port',
        '0',
        '--state',
        garbage,
      ],
      { cwd: root, timeoutMs: 30_000 },
    );
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^agent-engine-kit mock: .*garbage\.json is not a state file of the mock/m);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  }, 60_000);

  it('without a state file, writes none: the seeded store in memory', async () => {
    const mock = await startStandaloneMock({ port: 0, log: false });
    await clientOf(mock.url).tokens.scoped('in-memory');
    await mock.close();
    expect(existsSync(join(work, 'in-memory.json'))).toBe(false);
  });
});

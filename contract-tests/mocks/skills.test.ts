// Connector inspect and the skills of the mock: context-store readiness from the connector definitions, and one docs
// skill per connector, generated from its definition, listed, searched and read by section within the token's reach.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createAgentEngineClient, type WorkspaceClient } from '../../src/index.js';
import { DEFAULT_MOCK_CLIENT_ID, DEFAULT_MOCK_CLIENT_SECRET, setupMockServer } from '../../mocks/node.js';
import { contextStoreEntities } from '../../mocks/connectors/context-store.js';
import { connectorDefinition, connectorIndex } from '../../mocks/connectors/definitions.js';
import { sourceCatalog } from '../../mocks/data/catalog.js';
import { SpecValidator, describeErrors } from '../../mocks/spec.js';
import { actionSectionId, connectorDocs, entitySectionId, typeOf } from '../../mocks/skills/docs.js';

const BASE = 'http://127.0.0.1:4010';
const GITHUB = 'ef69ef6e-aa7f-4af1-a01d-ef775033524e';
const { server, service } = setupMockServer({ seed: 5 });

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  expect(service.specViolations).toEqual([]);
  service.reset();
});
afterAll(() => server.close());

const client = () =>
  createAgentEngineClient({
    clientId: DEFAULT_MOCK_CLIENT_ID,
    clientSecret: DEFAULT_MOCK_CLIENT_SECRET,
    baseUrl: BASE,
    maxRetries: 0,
  });

const github = (c: WorkspaceClient, workspace_name = 'default', extra: Record<string, unknown> = {}) =>
  c.connectors.create({
    workspace_name,
    definition_id: GITHUB,
    name: 'Team GitHub',
    credentials: { token: 'ghp_skills_secret_1' },
    replication_config: { repositories: ['airbytehq/airbyte'] },
    ...extra,
  });
const byName = (name: string) =>
  sourceCatalog().find((e) => e.definition.name === name)!.definition.sourceDefinitionId!;

describe('connector inspect', () => {
  it('names the connector, its workspace, definition, template and docs skill; readiness lists the entities the definition keeps in the context store', async () => {
    const c = client();
    const connector = await github(c);
    const inspected = await c.connectors.inspect(connector.id);
    const workspace = (await c.workspaces.list({ name_contains: 'default' })).data[0]!;
    expect(inspected).toMatchObject({
      connector_id: connector.id,
      name: 'Team GitHub',
      workspace_id: workspace.id,
      organization_id: service.config.organizationId,
      source_definition_id: GITHUB,
      source_definition_name: 'GitHub',
      source_config_template_id: connector.source_template.id,
      docs_skill_id: `connector-source:${connector.id}`,
      warnings: [],
    });
    const readiness = inspected.context_store_readiness!;
    const supported = readiness.supported_context_store_entities!.map((e) => e.entity);
    expect(supported).toEqual(contextStoreEntities(connectorDefinition(GITHUB)));
    expect(supported).toContain('issues');
    expect(supported).not.toContain('pr_comments'); // the definition keeps no context store for it
    // A DIRECT template and no entities of its own: nothing configured yet.
    expect(readiness.configured_cache_entities).toEqual([]);
    expect(JSON.stringify(inspected)).not.toContain('ghp_skills_secret_1');
  });

  it('configured entities: ready with their count, unsupported ones warned about, disabled while the cache is off', async () => {
    const c = client();
    const connector = await github(c, 'default', {
      entities: [
        { entity: 'issues', modes: null },
        { entity: 'pr_comments', modes: null },
        { entity: 'labels', modes: ['direct'] },
      ],
    });
    await c.connectors.execute(connector.id, { entity: 'issues', action: 'list', params: { per_page: 1 } });
    const ready = await c.connectors.inspect(connector.id);
    const [issues, prComments] = ready.context_store_readiness!.configured_cache_entities!;
    expect(ready.context_store_readiness!.configured_cache_entities).toHaveLength(2); // labels are read directly only
    expect(issues).toMatchObject({
      entity: 'issues',
      status: 'ready',
      ready_for_search: true,
      supported: true,
      updated_at: connector.updated_at,
    });
    expect(issues!.entity_count).toBeGreaterThan(0);
    expect(prComments).toMatchObject({
      entity: 'pr_comments',
      status: 'unsupported',
      ready_for_search: false,
      supported: false,
      entity_count: null,
    });
    expect(ready.warnings).toEqual(['The context store does not keep pr_comments: it is read directly.']);

    const workspaceId = ready.workspace_id;
    await c.workspaces.update(workspaceId, { cache_enabled: false });
    const off = await c.connectors.inspect(connector.id);
    expect(off.context_store_readiness!.configured_cache_entities![0]).toMatchObject({
      status: 'disabled',
      ready_for_search: false,
      entity_count: null,
      updated_at: null,
    });
    expect(off.warnings).toContain('The cache of workspace default is off: context_store_search is not ready.');
  });

  it('a template reading from the context store configures its suggested entities; a whitelist decides which are suggested', async () => {
    const c = client();
    const template = await c.templates.sources.create({
      actor_definition_id: GITHUB,
      name: 'GitHub (context store)',
      partial_default_config: {},
      mode: 'MULTI',
      customization: { stream_selection_mode: 'whitelist', stream_whitelist: ['issues', 'pull_requests'] },
    });
    expect(template).toMatchObject({ runtime_mode: 'direct_and_context_store', supports_context_store: true });
    const connector = await c.connectors.create({
      workspace_name: 'default',
      source_template_id: template.id,
      credentials: { token: 'x' },
      replication_config: { repositories: ['airbytehq/airbyte'], start_date: '2025-01-01T00:00:00Z' },
    });
    const readiness = (await c.connectors.inspect(connector.id)).context_store_readiness!;
    expect(readiness.supported_context_store_entities!.filter((e) => e.suggested).map((e) => e.entity)).toEqual([
      'issues',
      'pull_requests',
    ]);
    expect(readiness.configured_cache_entities!.map((e) => e.entity)).toEqual(['issues', 'pull_requests']);
  });

  it('no readiness for a connector without a context store; a warning for one without an agent definition; 404 for an unknown id', async () => {
    const c = client();
    const drive = await c.connectors.create({
      workspace_name: 'default',
      definition_id: byName('Google Drive'),
      credentials: { refresh_token: 'x' },
      replication_config: { folder_url: 'https://drive.google.com/drive/folders/x', streams: [] },
    });
    expect(await c.connectors.inspect(drive.id)).toMatchObject({
      source_definition_name: 'Google Drive',
      context_store_readiness: null,
      warnings: [],
    });
    const undefinedEntry = sourceCatalog().find((e) => !connectorDefinition(e.definition.sourceDefinitionId!))!;
    const other = await c.connectors.create({
      workspace_name: 'default',
      definition_id: undefinedEntry.definition.sourceDefinitionId!,
      credentials: { token: 'x' },
    });
    const inspected = await c.connectors.inspect(other.id);
    expect(inspected.context_store_readiness).toBeNull();
    expect(inspected.warnings![0]).toMatch(/no agent connector definition/);
    await expect(c.connectors.inspect('00000000-0000-4000-8000-000000000000')).rejects.toMatchObject({ status: 404 });
  });
});

describe('source templates answer how their connectors read', () => {
  it('runtime_mode follows the mode when the connector has a context store, direct_only otherwise', async () => {
    const c = client();
    const modes = {
      DIRECT: 'direct_only',
      REPLICATION: 'context_store_only',
      MULTI: 'direct_and_context_store',
    } as const;
    for (const [mode, runtime] of Object.entries(modes)) {
      const template = await c.templates.sources.create({
        actor_definition_id: GITHUB,
        partial_default_config: {},
        mode: mode as keyof typeof modes,
      });
      expect(template).toMatchObject({ runtime_mode: runtime, supports_context_store: true });
      expect((await c.templates.sources.get(template.id)).runtime_mode).toBe(runtime);
    }
    const drive = await c.templates.sources.create({
      actor_definition_id: byName('Google Drive'),
      partial_default_config: {},
      mode: 'MULTI',
    });
    expect(drive).toMatchObject({ runtime_mode: 'direct_only', supports_context_store: false });
    const listed = (await c.templates.sources.list()).data;
    expect(listed.map((t) => t.runtime_mode).sort()).toEqual([
      'context_store_only',
      'direct_and_context_store',
      'direct_only',
      'direct_only',
    ]);
  });
});

describe('skills', () => {
  it('one docs skill per connector the token reaches, paged; workspace and organization filters; a scoped token sees its own workspace only', async () => {
    const c = client();
    const a = await github(c);
    const b = await c.connectors.create({
      workspace_name: 'default',
      definition_id: byName('Stripe'),
      credentials: { api_key: 'sk_test_x' },
      replication_config: { account_id: 'acct_1' },
    });
    const acme = c.forWorkspace('acme');
    await acme.tokens.scopedInfo(); // creates the workspace
    const own = await github(acme, 'acme');

    const all = await c.skills.list();
    expect(all.data.map((s) => s.id)).toEqual([a.id, b.id, own.id].map((id) => `connector-source:${id}`));
    expect(all.data[0]).toMatchObject({
      kind: 'connector_source',
      title: 'Team GitHub (GitHub)',
      version: connectorDefinition(GITHUB)!.version,
      freshness: { state: 'live' },
      warnings: [],
    });
    expect(all.data[0]!.tags).toEqual(expect.arrayContaining(['github', 'issues', 'pull_requests']));
    expect(all.next_cursor).toBeNull();

    const defaultId = (await c.workspaces.list({ name_contains: 'default' })).data[0]!.id;
    const acmeId = (await acme.tokens.scopedInfo()).workspace_id;
    expect((await c.skills.list({ workspace_id: defaultId })).data).toHaveLength(2);
    expect((await acme.skills.list()).data.map((s) => s.id)).toEqual([`connector-source:${own.id}`]);
    await expect(acme.skills.list({ workspace_id: defaultId })).rejects.toMatchObject({ status: 403 });
    expect((await acme.skills.list({ workspace_id: acmeId })).data).toHaveLength(1);
    await expect(c.skills.list({ organization_id: '00000000-0000-4000-8000-000000000000' })).rejects.toMatchObject({
      status: 404,
    });
    await expect(c.skills.list({ workspace_id: '00000000-0000-4000-8000-000000000000' })).rejects.toMatchObject({
      status: 404,
    });

    const first = await c.skills.list({ limit: 2 });
    expect(first.data).toHaveLength(2);
    const second = await c.skills.list({ limit: 2, cursor: first.next_cursor! });
    expect(second).toMatchObject({ data: [{ id: `connector-source:${own.id}` }], next_cursor: null });
    const ids: string[] = [];
    for await (const skill of c.skills.all({ limit: 1 })) ids.push(skill.id);
    expect(ids).toEqual(all.data.map((s) => s.id));
    await expect(c.skills.list({ cursor: 'not-a-cursor' })).rejects.toMatchObject({ status: 400 });
  });

  it('an inactive workspace degrades its skills with a warning', async () => {
    const c = client();
    const connector = await github(c);
    await c.workspaces.update((await c.connectors.inspect(connector.id)).workspace_id, { status: 'inactive' });
    const [skill] = (await c.skills.list()).data;
    expect(skill!.freshness.state).toBe('degraded');
    expect(skill!.warnings).toEqual([
      'The workspace default is inactive: execute answers 403 until it is active again.',
    ]);
  });

  it('search ranks by the words of the query in titles, tags, entities and actions', async () => {
    const c = client();
    const gh = await github(c);
    const stripe = await c.connectors.create({
      workspace_name: 'default',
      definition_id: byName('Stripe'),
      name: 'Billing',
      credentials: { api_key: 'sk_test_x' },
      replication_config: { account_id: 'acct_1' },
    });
    expect((await c.skills.search('stripe customers')).data.map((s) => s.id)).toEqual([
      `connector-source:${stripe.id}`,
    ]);
    expect((await c.skills.search('pull_requests')).data.map((s) => s.id)).toEqual([`connector-source:${gh.id}`]);
    // Both have a `list` action; GitHub also matches `issues`.
    expect((await c.skills.search('issues list')).data.map((s) => s.id)).toEqual([
      `connector-source:${gh.id}`,
      `connector-source:${stripe.id}`,
    ]);
    expect((await c.skills.search('nothing-like-this')).data).toEqual([]);
  });

  it('docs: the outline and overview, a section in full; 404 for an unknown skill or section, without quoting it', async () => {
    const c = client();
    const connector = await github(c);
    const { docs_skill_id } = await c.connectors.inspect(connector.id);
    const overview = await c.skills.docs(docs_skill_id);
    expect(overview.section_id).toBeNull();
    expect(overview.metadata.id).toBe(docs_skill_id);
    const ids = overview.outline.map((s) => s.id);
    expect(ids.slice(0, 2)).toEqual(['overview', 'connect']);
    expect(ids).toContain(entitySectionId('issues'));
    expect(ids).toContain(actionSectionId('issues', 'list'));
    expect(overview.content![0]).toEqual({ type: 'heading', text: 'GitHub', level: 1 });

    const section = await c.skills.docs(docs_skill_id, { section: 'action:issues.list' });
    expect(section.section_id).toBe('action:issues.list');
    const params = section.content!.find((b) => b.type === 'table')!;
    expect(params.headers).toEqual(['param', 'type', 'required', 'allowed', 'default', 'bounds', 'notes']);
    expect(params.rows).toContainEqual(['per_page', 'integer', 'no', '', '30', '1 to 100', '']);
    expect(params.rows).toContainEqual(['states', 'array<string>', 'no', 'OPEN, CLOSED', '', '', '']);
    expect(params.rows).toContainEqual([
      'owner',
      'string',
      'yes',
      '',
      '',
      '',
      'filled from replication_config.repositories when left out',
    ]);
    const texts = section.content!.map((b) => b.text ?? '').join(' ');
    expect(texts).toContain('pass connector_metadata.end_cursor back as params.after');
    // A param that names a parent says where its value comes from.
    const comments = await c.skills.docs(docs_skill_id, { section: 'action:comments.list' });
    expect(comments.content!.find((b) => b.type === 'table')!.rows).toContainEqual([
      'number',
      'integer',
      'yes',
      '',
      '',
      '',
      'the number or id of a record of issues (list issues first); an unknown one is a 404',
    ]);
    const connect = await c.skills.docs(docs_skill_id, { section: 'connect' });
    expect(JSON.stringify(connect.content)).toContain('token: string (secret)');
    expect(JSON.stringify(connect.content)).not.toContain('ghp_skills_secret_1');

    const refused = (pending: Promise<unknown>) =>
      pending.then(
        () => ({ status: 200, message: '' }),
        (e: { status: number; message: string }) => e,
      );
    const unknownSection = await refused(c.skills.docs(docs_skill_id, { section: 'action:issues.fly' }));
    expect(unknownSection).toMatchObject({ status: 404 });
    expect(unknownSection.message).not.toContain('issues.fly');
    const unknownSkill = await refused(c.skills.docs('connector-source:<script>'));
    expect(unknownSkill).toMatchObject({ status: 404 });
    expect(unknownSkill.message).not.toContain('<script>');
    // A scoped token reads only its own workspace's skills.
    await expect(c.forWorkspace('elsewhere').skills.docs(docs_skill_id)).rejects.toMatchObject({ status: 404 });
  });
});

describe('the docs generator, over every connector definition', () => {
  const validator = new SpecValidator('agent-engine');
  const block = '#/components/schemas/SkillContentBlock';

  it.each(connectorIndex().map((c) => [c.name] as const))(
    "%s: a section per entity and action, each action's params as the definition gives them",
    (name) => {
      const definition = connectorDefinition(name)!;
      const docs = connectorDocs(definition);
      for (const entity of definition.entities.values()) {
        expect(docs.sections.has(entitySectionId(entity.name)), entity.name).toBe(true);
        for (const action of entity.actions.values()) {
          const section = docs.sections.get(actionSectionId(entity.name, action.action))!;
          expect(section, `${entity.name}.${action.action}`).toBeDefined();
          const properties = Object.entries<Record<string, any>>(action.params.properties ?? {});
          const rows = properties.length > 0 ? section.find((b) => b.type === 'table')!.rows! : [];
          const expected = properties.map(([param, schema]) => [
            param,
            typeOf(schema),
            (action.params.required ?? []).includes(param) ? 'yes' : 'no',
          ]);
          expect(rows.map((r) => [r[0], r[1], r[2]])).toEqual(expect.arrayContaining(expected));
          expect(rows.length, `${entity.name}.${action.action} rows`).toBeGreaterThanOrEqual(expected.length);
        }
      }
      expect(docs.outline.map((s) => s.id)).toEqual([
        'overview',
        'connect',
        ...[...definition.entities.values()].flatMap((e) => [
          entitySectionId(e.name),
          ...[...e.actions.keys()].map((a) => actionSectionId(e.name, a)),
        ]),
      ]);
      for (const content of docs.sections.values()) {
        for (const item of content) {
          const result = validator.check(block, item);
          expect(result.valid, describeErrors(result.errors)).toBe(true);
        }
      }
    },
  );
});

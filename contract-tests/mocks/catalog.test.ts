// The mock's connector catalog: real connectors under their definition ids, each entry valid against the spec.
import { describe, expect, it } from 'vitest';
import { DESTINATION_CATALOG, sourceCatalog } from '../../mocks/data/catalog.js';
import { SpecValidator, describeErrors } from '../../mocks/spec.js';
import { connectorIndex } from '../../mocks/connectors/definitions.js';
import { sourceEntry, sourceEntryByName } from '../../mocks/service/views.js';

const validator = new SpecValidator('agent-engine');
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const SUPPORT_LEVELS = ['archived', 'certified', 'community', 'none'];
const ALL = [...sourceCatalog(), ...DESTINATION_CATALOG];

const REQUIRED_SOURCES: Record<string, string> = {
  'ef69ef6e-aa7f-4af1-a01d-ef775033524e': 'GitHub',
  'b117307c-14b6-41aa-9422-947e34922962': 'Salesforce',
  '36c891d9-4bd9-43ac-bad2-10e12756272c': 'HubSpot',
  'e094cb9a-26de-4645-8761-65c0c425d1de': 'Stripe',
};
const REQUIRED_DESTINATIONS = [
  '4816b78f-1489-44c1-9060-4b19d5fa9362', // S3
  '424892c4-daac-4491-b35d-c6688ba547ba', // Snowflake
  '22f6c74f-5699-40ff-833c-4a879ea40133', // BigQuery
  '25c5221d-dce2-4163-ade9-739ef790f503', // Postgres
];
const RICH_SPECS = [
  'GitHub',
  'Salesforce',
  'HubSpot',
  'Stripe',
  'Linear',
  'Jira',
  'Zendesk Support',
  'Slack',
  'Notion',
];
const OAUTH = ['GitHub', 'Salesforce', 'HubSpot', 'Zendesk Support', 'Slack', 'Notion'];

const sourceIds = sourceCatalog().map((e) => e.definition.sourceDefinitionId);
const destinationIds = DESTINATION_CATALOG.map((e) => e.definition.destinationDefinitionId);
const byName = new Map(sourceCatalog().map((e) => [e.definition.name, e]));

describe('catalog size and identity', () => {
  it('has at least 30 sources and 6 destinations', () => {
    expect(sourceCatalog().length).toBeGreaterThanOrEqual(30);
    expect(DESTINATION_CATALOG.length).toBeGreaterThanOrEqual(6);
  });

  it('gives sources a UUID sourceDefinitionId and no destinationDefinitionId, and the reverse for destinations', () => {
    for (const e of sourceCatalog()) {
      expect(e.definition.sourceDefinitionId, e.definition.name).toMatch(UUID);
      expect(e.definition.destinationDefinitionId, e.definition.name).toBeNull();
    }
    for (const e of DESTINATION_CATALOG) {
      expect(e.definition.destinationDefinitionId, e.definition.name).toMatch(UUID);
      expect(e.definition.sourceDefinitionId, e.definition.name).toBeNull();
    }
  });

  it('has unique ids and names', () => {
    const ids = [...sourceIds, ...destinationIds];
    expect(new Set(ids).size).toBe(ids.length);
    expect(new Set(sourceCatalog().map((e) => e.definition.name)).size).toBe(sourceCatalog().length);
    expect(new Set(DESTINATION_CATALOG.map((e) => e.definition.name)).size).toBe(DESTINATION_CATALOG.length);
  });

  it('holds the documented connectors under their ids and exact names', () => {
    for (const [id, name] of Object.entries(REQUIRED_SOURCES)) {
      const entry = sourceCatalog().find((e) => e.definition.sourceDefinitionId === id);
      expect(entry?.definition.name, id).toBe(name);
    }
    for (const id of REQUIRED_DESTINATIONS) expect(destinationIds).toContain(id);
  });

  it("lists every agent connector under its definition's id, and resolves the seeds' Salesforce id to the canonical one", () => {
    for (const connector of connectorIndex())
      expect(
        sourceCatalog().some((e) => e.definition.sourceDefinitionId === connector.definitionId),
        connector.name,
      ).toBe(true);
    expect(
      sourceCatalog().some((e) => e.definition.sourceDefinitionId === 'b117307c-14b6-41aa-9571-75e6871e6d44'),
    ).toBe(false);
    expect(sourceEntry('b117307c-14b6-41aa-9571-75e6871e6d44')?.definition.sourceDefinitionId).toBe(
      'b117307c-14b6-41aa-9422-947e34922962',
    );
    expect(sourceEntryByName('zendesk-support')?.definition.name).toBe('Zendesk Support');
    expect(sourceEntryByName('Github')?.definition.name).toBe('GitHub');
  });

  it('uses support levels of the enum, Airbyte image names and icon URLs', () => {
    for (const e of ALL) {
      expect(SUPPORT_LEVELS, e.definition.name).toContain(e.definition.supportLevel);
      expect(e.definition.custom).toBe(false);
      const kind = e.definition.sourceDefinitionId ? 'source' : 'destination';
      expect(e.definition.dockerRepository).toMatch(new RegExp(`^airbyte/${kind}-[a-z0-9-]+$`));
      const image = e.definition.dockerRepository!.slice('airbyte/'.length);
      expect(e.definition.iconUrl).toBe(
        `https://connectors.airbyte.com/files/metadata/airbyte/${image}/latest/icon.svg`,
      );
    }
  });
});

describe('catalog against the spec', () => {
  it.each(ALL.map((e) => [e.definition.name, e] as const))(
    '%s validates as ActorDefinitionWithSpec and ActorDefinition',
    (_name, entry) => {
      const withSpec = validator.check('#/components/schemas/ActorDefinitionWithSpec', {
        ...entry.definition,
        spec: entry.spec,
      });
      expect(withSpec.valid, describeErrors(withSpec.errors)).toBe(true);
      const alone = validator.check('#/components/schemas/ActorDefinition', entry.definition);
      expect(alone.valid, describeErrors(alone.errors)).toBe(true);
    },
  );
});

describe('specifications', () => {
  it('gives every connector a JSON Schema object with properties and known required fields', () => {
    for (const e of ALL) {
      const schema = e.spec.connectionSpecification;
      expect(schema.type, e.definition.name).toBe('object');
      expect(schema.$schema).toBe('http://json-schema.org/draft-07/schema#');
      const properties = Object.keys(schema.properties ?? {});
      expect(properties.length, e.definition.name).toBeGreaterThan(0);
      for (const field of schema.required ?? []) expect(properties, `${e.definition.name}: ${field}`).toContain(field);
    }
  });

  it('writes out the main connectors, with their OAuth flows', () => {
    for (const name of RICH_SPECS) {
      const entry = byName.get(name);
      expect(entry, name).toBeDefined();
      expect(entry!.spec.documentationUrl).toMatch(/^https:\/\/docs\.airbyte\.com\/integrations\/sources\/[a-z-]+$/);
      const auth = entry!.spec.advanced_auth;
      if (OAUTH.includes(name)) {
        expect(auth?.auth_flow_type, name).toBe('oauth2.0');
        expect(auth?.predicate_key?.length, name).toBeGreaterThan(0);
        expect(auth?.predicate_value, name).toEqual(expect.any(String));
        expect(
          Object.keys(auth?.oauth_config_specification.complete_oauth_output_specification?.properties ?? {}).length,
        ).toBeGreaterThan(0);
      } else {
        expect(auth ?? null, name).toBeNull();
      }
    }
    expect(byName.get('GitHub')!.spec.connectionSpecification.required).toEqual(['credentials', 'repositories']);
  });

  it('marks the generic specifications API key as secret and leaves OAuth out', () => {
    for (const e of sourceCatalog().filter((s) => !RICH_SPECS.includes(s.definition.name))) {
      const credentials = (e.spec.connectionSpecification.properties as Record<string, any>).credentials;
      expect(credentials?.properties?.api_key?.airbyte_secret, e.definition.name).toBe(true);
      expect(e.spec.advanced_auth).toBeNull();
    }
  });

  it('lists the sync modes of each destination', () => {
    for (const e of DESTINATION_CATALOG) {
      expect(e.spec.supported_destination_sync_modes?.length, e.definition.name).toBeGreaterThan(0);
      for (const mode of e.spec.supported_destination_sync_modes ?? [])
        expect(['overwrite', 'append', 'append_dedup']).toContain(mode);
    }
  });
});

describe('example questions', () => {
  it('gives every source two direct and two search questions', () => {
    for (const e of sourceCatalog()) {
      expect(e.exampleQuestions.direct, e.definition.name).toHaveLength(2);
      expect(e.exampleQuestions.search, e.definition.name).toHaveLength(2);
      for (const question of [...e.exampleQuestions.direct, ...e.exampleQuestions.search])
        expect(question.length).toBeGreaterThan(10);
    }
  });
});

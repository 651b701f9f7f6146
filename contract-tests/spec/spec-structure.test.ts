// The shape every operation of both specs must have: an id, a summary, one declared tag, a success response and the
// error responses in the API's own error body; both documents are valid OpenAPI 3.1 and dereference completely.
import { describe, expect, it } from 'vitest';
import { dereference, validate } from '@readme/openapi-parser';
import {
  SPEC_NAMES,
  listOperations,
  loadSpec,
  resolveRef,
  specPath,
  tokenKinds,
  type SpecName,
  type SpecOperation,
} from '../../mocks/spec.js';

interface Conventions {
  servers: string[];
  /** Error statuses every authenticated operation documents. */
  errors: string[];
  errorMediaType: string;
  errorSchema: string;
}

const CONVENTIONS: Record<SpecName, Conventions> = {
  'agent-engine': {
    servers: ['https://api.airbyte.ai', 'http://127.0.0.1:4010'],
    errors: ['400', '401', '403', '422', '429', '500'],
    errorMediaType: 'application/json',
    errorSchema: '#/components/schemas/ApiErrorResponse',
  },
  'airbyte-api-v1': {
    servers: ['https://api.airbyte.com/v1', 'http://127.0.0.1:4010/v1'],
    errors: ['400', '401', '403', '429', '500'],
    errorMediaType: 'application/problem+json',
    errorSchema: '#/components/schemas/ProblemDetails',
  },
};

const isAuthenticated = (doc: Record<string, any>, op: SpecOperation) =>
  (op.operation.security ?? doc.security ?? []).length > 0;
const hasPathParameters = (op: SpecOperation) => op.path.includes('{');

function containsRef(node: unknown): boolean {
  if (!node || typeof node !== 'object') return false;
  if ('$ref' in node) return true;
  return Object.values(node).some(containsRef);
}

describe.each(SPEC_NAMES)('%s', (name) => {
  const doc = loadSpec(name);
  const conventions = CONVENTIONS[name];
  const operations = listOperations(doc);
  const declaredTags = new Set((doc.tags ?? []).map((t: { name: string }) => t.name));

  it('is a valid OpenAPI 3.1 document', async () => {
    expect(doc.openapi).toBe('3.1.0');
    const result = await validate(specPath(name));
    expect(result.valid, result.valid ? '' : JSON.stringify(result.errors, null, 2)).toBe(true);
  });

  it('dereferences completely', async () => {
    const dereferenced = await dereference(specPath(name), { dereference: { circular: false } });
    expect(Object.keys(dereferenced.paths ?? {}).length).toBeGreaterThan(0);
    expect(containsRef(dereferenced)).toBe(false);
  });

  it('names the real server and the local mock', () => {
    expect(doc.servers.map((s: { url: string }) => s.url)).toEqual(conventions.servers);
  });

  it('has unique operationIds', () => {
    const ids = operations.map((op) => op.operationId);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it.each(operations.map((op) => [`${op.method.toUpperCase()} ${op.path}`, op] as const))(
    '%s is complete',
    (_key, op) => {
      const { operation } = op;
      expect(operation.operationId).toMatch(/^[A-Za-z][A-Za-z0-9_]*$/);
      expect(operation.summary?.trim()).toBeTruthy();
      expect(operation.description?.trim()).toBeTruthy();
      expect(operation.tags).toHaveLength(1);
      expect(declaredTags.has(operation.tags[0])).toBe(true);

      const codes = Object.keys(operation.responses);
      expect(codes.filter((code) => /^2\d\d$/.test(code))).toHaveLength(1);

      if (
        !isAuthenticated(doc, op) &&
        op.operationId !== 'create_account_applications_token' &&
        op.operationId !== 'createAccessToken'
      ) {
        return; // health checks: no credentials, no client errors
      }
      const expected = [...conventions.errors, ...(hasPathParameters(op) ? ['404'] : [])];
      for (const status of expected) {
        expect(codes, `documents ${status}`).toContain(status);
        const response = resolveRef(doc, operation.responses[status]);
        expect(response.content?.[conventions.errorMediaType]?.schema?.$ref, `${status} body`).toBe(
          conventions.errorSchema,
        );
      }
      expect(resolveRef(doc, operation.responses['429']).headers?.['Retry-After'], '429 has Retry-After').toBeDefined();
    },
  );

  it('declares each path parameter of each path', () => {
    for (const op of operations) {
      const declared = op.parameters
        .map((p) => resolveRef(doc, p))
        .filter((p) => p.in === 'path')
        .map((p) => p.name);
      const inPath = [...op.path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]);
      expect(declared.sort(), `${op.method} ${op.path}`).toEqual(inPath.sort());
    }
  });
});

describe('Agent Engine conventions', () => {
  const doc = loadSpec('agent-engine');
  const operations = listOperations(doc);

  it('takes the optional x-organization-id header on every operation through the one shared parameter', () => {
    for (const op of operations) {
      const refs = op.parameters.filter((p) => p.$ref === '#/components/parameters/OrganizationIdHeader');
      expect(refs, `${op.method} ${op.path}`).toHaveLength(1);
    }
    const header = doc.components.parameters.OrganizationIdHeader;
    expect(header).toMatchObject({
      name: 'x-organization-id',
      in: 'header',
      required: false,
      schema: { format: 'uuid' },
    });
  });

  it('authenticates with one bearer scheme, except for the application token', () => {
    expect(doc.components.securitySchemes).toEqual({
      bearerAuth: expect.objectContaining({ type: 'http', scheme: 'bearer' }),
    });
    const open = operations.filter((op) => !isAuthenticated(doc, op)).map((op) => op.path);
    expect(open).toEqual(['/api/v1/account/applications/token']);
  });

  it('names the kinds of token each operation takes, and minting tokens takes an application token', () => {
    const kinds = new Map(operations.map((op) => [op.operationId, [...tokenKinds(doc, op.operation)].sort()]));
    for (const [operationId, taken] of kinds)
      for (const kind of taken) expect(['application', 'scoped', 'widget'], operationId).toContain(kind);
    expect(kinds.get('create_account_applications_token')).toEqual([]);
    for (const mint of ['create_account_applications_scoped_token', 'create_account_applications_widget_token'])
      expect(kinds.get(mint), mint).toEqual(['application']);
    expect(kinds.get('get_account_applications_scoped_token_info')).toEqual(['scoped', 'widget']);
    // A workspace's own resources take its tokens; what spans the organization does not.
    expect(kinds.get('create_integrations_connectors_id_execute')).toEqual(['application', 'scoped', 'widget']);
    for (const organizationWide of ['list_workspaces', 'update_workspaces_workspace_id', 'update_oauth_credentials'])
      expect(kinds.get(organizationWide), organizationWide).toEqual(['application']);
  });

  it('answers 202 with a job id for connector delete and 204 without a body for OAuth-credential delete', () => {
    const byKey = new Map(operations.map((op) => [`${op.method} ${op.path}`, op.operation]));
    const connectorDelete = byKey.get('delete /api/v1/integrations/connectors/{id}')!;
    expect(Object.keys(connectorDelete.responses).filter((c) => c.startsWith('2'))).toEqual(['202']);
    const oauthDelete = byKey.get('delete /api/v1/oauth/credentials/connector_type/{connector_type}')!;
    expect(oauthDelete.responses['204']).toBeDefined();
    expect(oauthDelete.responses['204'].content).toBeUndefined();
  });

  it('marks the inferred parts', () => {
    expect(resolveRef(doc, doc.components.responses.Unauthorized)['x-inferred']).toBe(true);
    expect(resolveRef(doc, doc.components.responses.TooManyRequests)['x-inferred']).toBe(true);
    expect(doc.components.schemas.OAuthInitiateRequest['x-inferred']).toBe(true);
  });

  it('states the connector create rules where the mock can read them', () => {
    const create = doc.components.schemas.ConnectorCreateRequest;
    expect(create['x-exactly-one-of']).toEqual(['connector_type', 'definition_id', 'source_template_id']);
    expect(create['x-at-least-one-of']).toEqual(['replication_config', 'credentials', 'server_side_oauth_secret_id']);
    for (const field of [...create['x-exactly-one-of'], ...create['x-at-least-one-of']])
      expect(create.properties[field]).toBeDefined();
  });
});

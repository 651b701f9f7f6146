// The generated types carry the real API's field names, casing, optionality and status codes. Checked by the
// TypeScript compiler (vitest's typecheck mode): a renamed or retyped field fails to compile.
import { describe, expectTypeOf, it } from 'vitest';
import type { components, operations, paths } from '../../generated/agent-engine.js';
import type { components as V1Components, paths as V1Paths } from '../../generated/airbyte-api-v1.js';

type Schemas = components['schemas'];
type JsonOf<R> = R extends { content: { 'application/json': infer T } } ? T : never;

describe('Agent Engine types', () => {
  it('token request and response', () => {
    expectTypeOf<Schemas['ApplicationTokenRequest']>().toEqualTypeOf<{ client_id: string; client_secret: string }>();
    expectTypeOf<Schemas['ApplicationTokenResponse']>().toEqualTypeOf<{
      access_token: string;
      token_type: string;
      expires_in: number;
      organization_id?: string | null;
    }>();
    expectTypeOf<Schemas['ScopedTokenInfoResponse']>().toEqualTypeOf<{
      organization_id: string;
      workspace_id: string;
      workspace_name: string;
    }>();
  });

  it('definitions keep the API camelCase', () => {
    type Definition = Schemas['ActorDefinition'];
    expectTypeOf<Definition['name']>().toEqualTypeOf<string>();
    expectTypeOf<Definition['sourceDefinitionId']>().toEqualTypeOf<string | null | undefined>();
    expectTypeOf<Definition['iconUrl']>().toEqualTypeOf<string | null | undefined>();
    expectTypeOf<Definition['supportLevel']>().toEqualTypeOf<
      'archived' | 'certified' | 'community' | 'none' | null | undefined
    >();
  });

  it('connector create: workspace_name required, the rest optional and nullable, credentials free-form', () => {
    type Create = Schemas['ConnectorCreateRequest'];
    expectTypeOf<Create['workspace_name']>().toEqualTypeOf<string>();
    expectTypeOf<Create['definition_id']>().toEqualTypeOf<string | null | undefined>();
    expectTypeOf<Create['credentials']>().toEqualTypeOf<Record<string, unknown> | null | undefined>();
    expectTypeOf<{
      workspace_name: 'default';
      definition_id: string;
      credentials: { personal_access_token: string };
    }>().toMatchTypeOf<Create>();
  });

  it('execute: entity and action required, result and connector_metadata unknown', () => {
    expectTypeOf<Schemas['ExecuteRequest']['entity']>().toEqualTypeOf<string>();
    expectTypeOf<Schemas['ExecuteRequest']['action']>().toEqualTypeOf<string>();
    expectTypeOf<Schemas['ExecuteResponse']['result']>().toEqualTypeOf<unknown>();
    expectTypeOf<Schemas['ExecuteResponse']['execution_metadata']>().toEqualTypeOf<{
      connector_instance_id: string;
      execution_time_ms: number;
    }>();
  });

  it('success codes: 202 for connector delete, 204 for OAuth-credential delete', () => {
    type DeleteConnector = paths['/api/v1/integrations/connectors/{id}']['delete'];
    expectTypeOf<JsonOf<DeleteConnector['responses'][202]>>().toEqualTypeOf<{ job_id: string }>();
    type DeleteOAuth = operations['delete_oauth_credentials_connector_type_connector_type'];
    expectTypeOf<NonNullable<DeleteOAuth['responses'][204]['content']>>().toBeNever();
    expectTypeOf<DeleteOAuth['parameters']['path']>().toEqualTypeOf<{ connector_type: string }>();
  });

  it('workspaces: list page, status enum, nullable cache flag', () => {
    type Page = JsonOf<paths['/api/v1/workspaces']['get']['responses'][200]>;
    expectTypeOf<Page['next']>().toEqualTypeOf<string | null | undefined>();
    expectTypeOf<Page['data'][number]['status']>().toEqualTypeOf<'active' | 'inactive'>();
    expectTypeOf<Page['data'][number]['cache_enabled']>().toEqualTypeOf<boolean | null>();
    type Query = NonNullable<paths['/api/v1/workspaces']['get']['parameters']['query']>;
    expectTypeOf<Query['limit']>().toEqualTypeOf<number | undefined>();
  });

  it('connection templates are a union told apart by data_hosting_type', () => {
    type Template = Schemas['ConnectionTemplate'];
    expectTypeOf<Extract<Template, { data_hosting_type?: 'user_hosted' }>['destination_config']>().toEqualTypeOf<
      Record<string, unknown>
    >();
    expectTypeOf<Template['data_hosting_type']>().toEqualTypeOf<'user_hosted' | 'airbyte_hosted' | undefined>();
  });

  it('every operation takes the optional x-organization-id header', () => {
    type Header = operations['create_integrations_connectors']['parameters']['header'];
    expectTypeOf<NonNullable<Header>>().toEqualTypeOf<{ 'x-organization-id'?: string }>();
  });
});

describe('Airbyte API v1 types', () => {
  it('workspaces use the v1 camelCase names', () => {
    type Workspace = V1Components['schemas']['WorkspaceResponse'];
    expectTypeOf<Workspace['workspaceId']>().toEqualTypeOf<string>();
    expectTypeOf<Workspace['name']>().toEqualTypeOf<string>();
    expectTypeOf<Workspace['dataResidency']>().toEqualTypeOf<string>();
  });

  it('the token endpoint takes client credentials', () => {
    type Body = V1Paths['/applications/token']['post']['requestBody'];
    expectTypeOf<JsonOf<NonNullable<Body>>['client_id']>().toEqualTypeOf<string>();
    expectTypeOf<V1Components['schemas']['AccessTokenResponse']['expires_in']>().toEqualTypeOf<number>();
  });
});

// Every operation of both APIs, one module per API area, and the mock's own pages (not part of either API).
import type { SpecName } from '../spec.js';
import type { MockAnswer, MockRequest } from '../pipeline/request.js';
import type { MockService } from '../service.js';
import { authenticationOperations } from './agent-engine/authentication.js';
import { OAUTH_CONSENT_PATH, connectorOperations, oauthConsentPage } from './agent-engine/connectors.js';
import { definitionOperations } from './agent-engine/definitions.js';
import { oauthOperations } from './agent-engine/oauth.js';
import { skillOperations } from './agent-engine/skills.js';
import { templateOperations } from './agent-engine/templates.js';
import { workspaceOperations } from './agent-engine/workspaces.js';
import { airbyteApiV1Operations } from './airbyte-api-v1.js';
import type { AnyOperation } from './types.js';

/** A page the mock serves besides the APIs (GET only, no token): answered before routing. */
export type MockPage = (request: MockRequest) => MockAnswer;

/** The operations by `api:operationId`, and the mock's pages by path. */
export function createOperations(service: MockService): {
  operations: Map<string, AnyOperation>;
  pages: Map<string, MockPage>;
} {
  const areas: [SpecName, Record<string, unknown>][] = [
    ['agent-engine', authenticationOperations(service)],
    ['agent-engine', definitionOperations(service)],
    ['agent-engine', connectorOperations(service)],
    ['agent-engine', templateOperations(service)],
    ['agent-engine', oauthOperations(service)],
    ['agent-engine', skillOperations(service)],
    ['agent-engine', workspaceOperations(service)],
    ['airbyte-api-v1', airbyteApiV1Operations(service)],
  ];
  const operations = new Map<string, AnyOperation>();
  for (const [api, area] of areas) {
    for (const [operationId, implementation] of Object.entries(area)) {
      const key = `${api}:${operationId}`;
      if (operations.has(key)) throw new Error(`two implementations of ${key}`);
      operations.set(key, implementation as AnyOperation);
    }
  }
  return { operations, pages: new Map([[OAUTH_CONSENT_PATH, oauthConsentPage(service)]]) };
}

// The JSON examples of the original API documents validate against the spec, and the validators that accept them
// refuse what the API would refuse (so the acceptance means something).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SpecValidator, describeErrors, operationSchemaPointer, type SpecName } from '../../mocks/spec.js';

/**
 * The documents print placeholders where a value of the reader's goes. Those that stand for a UUID are replaced by
 * one of the right kind before validation, since the spec (rightly) checks the format.
 */
const PLACEHOLDERS: Record<string, string> = {
  '<github_definition_id>': 'ef69ef6e-aa7f-4af1-a01d-ef775033524e',
  YOUR_ORGANIZATION_ID: '4f7c2b1e-8d3a-4c5f-9b6e-2a1d0c9e8f7a',
};

function seed(file: string): unknown {
  let text = readFileSync(new URL(`../fixtures/seeds/${file}`, import.meta.url), 'utf8');
  for (const [placeholder, value] of Object.entries(PLACEHOLDERS))
    text = text.replaceAll(`"${placeholder}"`, JSON.stringify(value));
  return JSON.parse(text);
}

const validators: Record<SpecName, SpecValidator> = {
  'agent-engine': new SpecValidator('agent-engine'),
  'airbyte-api-v1': new SpecValidator('airbyte-api-v1'),
};

type Part = 'request' | `${number}`;
const SEEDS: [file: string, spec: SpecName, method: string, path: string, part: Part][] = [
  ['000-v1-token-request.json', 'airbyte-api-v1', 'post', '/applications/token', 'request'],
  ['000-v1-token-response.json', 'airbyte-api-v1', 'post', '/applications/token', '200'],
  ['000-v1-workspace-create.json', 'airbyte-api-v1', 'post', '/workspaces', 'request'],
  ['001-token-request.json', 'agent-engine', 'post', '/api/v1/account/applications/token', 'request'],
  ['001-token-response.json', 'agent-engine', 'post', '/api/v1/account/applications/token', '200'],
  ['001-scoped-token-request.json', 'agent-engine', 'post', '/api/v1/embedded/scoped-token', 'request'],
  ['001-scoped-token-request.json', 'agent-engine', 'post', '/api/v1/account/applications/scoped-token', 'request'],
  ['001-widget-token-request.json', 'agent-engine', 'post', '/api/v1/embedded/widget-token', 'request'],
  ['001-widget-token-request.json', 'agent-engine', 'post', '/api/v1/account/applications/widget-token', 'request'],
  ['001-definitions.json', 'agent-engine', 'get', '/api/v1/integrations/definitions/sources', '200'],
  ['002-token-request.json', 'agent-engine', 'post', '/api/v1/account/applications/token', 'request'],
  ['002-connector-create.json', 'agent-engine', 'post', '/api/v1/integrations/connectors', 'request'],
  ['002-execute.json', 'agent-engine', 'post', '/api/v1/integrations/connectors/{id}/execute', 'request'],
  ['002-definitions.json', 'agent-engine', 'get', '/api/v1/integrations/definitions/sources', '200'],
];

function check(spec: SpecName, method: string, path: string, part: Part, value: unknown) {
  const validator = validators[spec];
  return validator.check(operationSchemaPointer(validator.doc, method, path, part), value);
}

describe('the seed documents validate against the spec', () => {
  it.each(SEEDS)('%s is a valid %s %s %s %s', (file, spec, method, path, part) => {
    const result = check(spec, method, path, part, seed(file));
    expect(result.valid, describeErrors(result.errors)).toBe(true);
  });
});

describe('the same validators refuse what the API refuses', () => {
  it('an execute body without an action', () => {
    const { action: _action, ...body } = seed('002-execute.json') as Record<string, unknown>;
    const result = check('agent-engine', 'post', '/api/v1/integrations/connectors/{id}/execute', 'request', body);
    expect(result.valid).toBe(false);
    expect(result.errors.some((e) => e.keyword === 'required' && e.params.missingProperty === 'action')).toBe(true);
  });

  it('a connector body without its workspace', () => {
    const { workspace_name: _w, ...body } = seed('002-connector-create.json') as Record<string, unknown>;
    expect(check('agent-engine', 'post', '/api/v1/integrations/connectors', 'request', body).valid).toBe(false);
  });

  it('a connector body whose definition id is not a UUID (the placeholder left in)', () => {
    const body = { ...(seed('002-connector-create.json') as object), definition_id: '<github_definition_id>' };
    const result = check('agent-engine', 'post', '/api/v1/integrations/connectors', 'request', body);
    expect(result.errors.map((e) => `${e.instancePath} ${e.keyword}`)).toContain('/definition_id format');
  });

  it('a token response whose expires_in is a string', () => {
    const response = { ...(seed('001-token-response.json') as object), expires_in: '900' };
    expect(check('agent-engine', 'post', '/api/v1/account/applications/token', '200', response).valid).toBe(false);
  });

  it('a widget token body without allowed_origin', () => {
    const body = seed('001-scoped-token-request.json');
    expect(check('agent-engine', 'post', '/api/v1/account/applications/widget-token', 'request', body).valid).toBe(
      false,
    );
  });

  it('a v1 token response without expires_in', () => {
    const { expires_in: _e, ...response } = seed('000-v1-token-response.json') as Record<string, unknown>;
    expect(check('airbyte-api-v1', 'post', '/applications/token', '200', response).valid).toBe(false);
  });
});

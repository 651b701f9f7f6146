// A handler for every operation of both specs, and each answers the spec's own example requests with a documented
// status and a body of the documented schema (the service checks every response against the spec).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_MOCK_CLIENT_ID, DEFAULT_MOCK_CLIENT_SECRET, setupMockServer } from '../../mocks/node.js';
import { SPEC_NAMES, derefPointer, listOperations, loadSpec, type SpecName } from '../../mocks/spec.js';

const BASE = 'http://127.0.0.1:4010';
const { server, service } = setupMockServer({ seed: 3 });
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());

async function tokenFor(api: SpecName): Promise<string> {
  const path = api === 'agent-engine' ? '/api/v1/account/applications/token' : '/v1/applications/token';
  const response = await fetch(`${BASE}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ client_id: DEFAULT_MOCK_CLIENT_ID, client_secret: DEFAULT_MOCK_CLIENT_SECRET }),
  });
  return ((await response.json()) as { access_token: string }).access_token;
}

describe('every operation', () => {
  it('has an implementation, and nothing else does', () => {
    const all = SPEC_NAMES.flatMap((api) => listOperations(loadSpec(api)).map((op) => `${api}:${op.operationId}`));
    expect(all.filter((id) => !service.implementedOperations.has(id))).toEqual([]);
    expect([...service.implementedOperations].filter((id) => !all.includes(id))).toEqual([]);
    expect(all.length).toBe(41 + 7);
  });

  for (const api of SPEC_NAMES) {
    const doc = loadSpec(api);
    const prefix = api === 'agent-engine' ? '' : '/v1';
    it.each(listOperations(doc).map((op) => [`${op.method.toUpperCase()} ${op.path}`, op] as const))(
      `${api}: %s answers its example request within the spec`,
      async (_key, op) => {
        const token = await tokenFor(api);
        const path = op.path.replace(/\{[^}]+\}/g, (name) =>
          name === '{connector_type}' ? 'GitHub' : '00000000-0000-4000-8000-000000000000',
        );
        let body: string | undefined;
        if (op.operation.requestBody) {
          const requestBody = derefPointer(doc, `${op.pointer}/requestBody`);
          const first = Object.keys(requestBody.value.content['application/json'].examples ?? {})[0];
          if (first)
            body = JSON.stringify(
              derefPointer(doc, `${requestBody.pointer}/content/application~1json/examples/${first}`).value.value,
            );
        }
        const response = await fetch(`${BASE}${prefix}${path}`, {
          method: op.method.toUpperCase(),
          headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
          ...(body ? { body } : {}),
        });
        expect(Object.keys(op.operation.responses)).toContain(String(response.status));
        expect(response.status).toBeLessThan(500);
        expect(service.specViolations).toEqual([]);
      },
    );
  }
});

// A mock response that renames a field fails the tests twice over: the mock's own response check records it, and
// the contract middleware on the client reports it with the operation, pointer and value.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupMockServer } from '../../mocks/node.js';
import { createAgentEngineClient } from '../../src/index.js';
import { createSpecRecorder } from '../support/spec-middleware.js';

const { server, service } = setupMockServer({ seed: 5 });
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());

describe('a mock response that drifts from the spec', () => {
  it('is caught by the mock and by the contract middleware', async () => {
    // The stats operation with `total_count` renamed, as a careless edit of the mock would do (the cast stands for
    // the compile error such an edit gets first).
    const restore = service.override({
      'agent-engine': {
        get_workspaces_stats: () => ({ status: 200, body: { active_count: 1, inactive_count: 0, total: 1 } as never }),
      },
    });
    const recorder = createSpecRecorder('agent-engine');
    const client = createAgentEngineClient({
      baseUrl: 'http://127.0.0.1:4010',
      clientId: 'demo-client-id',
      clientSecret: 'demo-client-secret',
      maxRetries: 0,
    });
    client.raw.use(recorder.middleware);
    await expect(client.workspaces.stats()).rejects.toMatchObject({ status: 500 });
    expect(service.specViolations).toEqual([
      expect.stringContaining(
        'get_workspaces_stats (200) breaks the spec: /body/total_count expected a required field, got none',
      ),
    ]);
    service.specViolations.length = 0;

    // With the mock's own check off, the answer reaches the client and the middleware reports it.
    service.config.validateResponses = false;
    await client.workspaces.stats();
    expect(recorder.violations).toEqual([
      expect.objectContaining({
        operationId: 'get_workspaces_stats',
        pointer: '/',
        message: "must have required property 'total_count'",
      }),
    ]);
    restore();
    service.config.validateResponses = true;
    await expect(client.workspaces.stats()).resolves.toMatchObject({ total_count: expect.any(Number) });
  });
});

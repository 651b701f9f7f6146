// The recording middleware catches what breaks the spec: an undocumented status, a missing or retyped field, with the
// operation, the JSON pointer and the offending value.
import createClient from 'openapi-fetch';
import { describe, expect, it } from 'vitest';
import type { paths } from '../../generated/agent-engine.js';
import { createSpecRecorder } from '../support/spec-middleware.js';

function clientAnswering(body: unknown, status = 200) {
  const recorder = createSpecRecorder('agent-engine');
  const client = createClient<paths, 'application/json'>({
    baseUrl: 'https://api.example.test',
    fetch: async () => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } }),
  });
  client.use(recorder.middleware);
  return { client, recorder };
}

describe('the spec-checking middleware', () => {
  it('records a conforming answer as coverage and nothing else', async () => {
    const { client, recorder } = clientAnswering({ active_count: 1, inactive_count: 0, total_count: 1 });
    await client.GET('/api/v1/workspaces/stats');
    expect(recorder.violations).toEqual([]);
    expect([...recorder.coverage.get('get_workspaces_stats')!]).toEqual(['200']);
  });

  it('reports a renamed field (the required one goes missing) and a wrong type, with pointer and value', async () => {
    const { client, recorder } = clientAnswering({ active_count: '1', inactive: 0, total_count: 1 });
    await client.GET('/api/v1/workspaces/stats');
    expect(recorder.violations).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          operationId: 'get_workspaces_stats',
          pointer: '/',
          message: "must have required property 'inactive_count'",
        }),
        expect.objectContaining({
          operationId: 'get_workspaces_stats',
          pointer: '/active_count',
          message: 'must be integer',
          value: '1',
        }),
      ]),
    );
  });

  it('checks documented headers: a Retry-After that is not of its schema is reported', async () => {
    const recorder = createSpecRecorder('airbyte-api-v1');
    const { default: createClient } = await import('openapi-fetch');
    const client = createClient<import('../../generated/airbyte-api-v1.js').paths, 'application/json'>({
      baseUrl: 'https://api.example.test/v1',
      fetch: async () =>
        new Response(
          JSON.stringify({ status: 429, type: 'about:blank', title: 'rate-limit-exceeded', detail: 'slow down' }),
          {
            status: 429,
            headers: { 'content-type': 'application/problem+json', 'retry-after': 'soon' },
          },
        ),
    });
    client.use(recorder.middleware);
    await client.GET('/workspaces');
    expect(recorder.violations).toEqual([
      expect.objectContaining({
        operationId: 'listWorkspaces',
        pointer: 'header:Retry-After',
        message: 'must be integer',
        value: 'soon',
      }),
    ]);
  });

  it('reports a status the operation does not document', async () => {
    const { client, recorder } = clientAnswering({ message: 'teapot', errors: [] }, 418);
    await client.GET('/api/v1/workspaces/stats');
    expect(recorder.violations).toEqual([
      expect.objectContaining({
        operationId: 'get_workspaces_stats',
        status: 418,
        message: 'status 418 is not documented',
      }),
    ]);
  });
});

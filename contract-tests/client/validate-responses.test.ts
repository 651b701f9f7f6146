// validateResponses: true — every answer checked against the spec by the client itself; a drifting answer fails the
// call with a SpecViolationError naming the operation, the JSON pointer and the value (secrets scrubbed).
import { describe, expect, it } from 'vitest';
import { SpecViolationError, createAgentEngineClient } from '../../src/index.js';
import { CLIENT_ID, CLIENT_SECRET, applicationToken, fakeApi, json } from '../support/fake-api.js';

const options = {
  clientId: CLIENT_ID,
  clientSecret: CLIENT_SECRET,
  baseUrl: 'https://api.example.test',
  maxRetries: 0,
};

describe('validateResponses', () => {
  it('passes answers that follow the spec', async () => {
    const api = fakeApi(() => json({ active_count: 2, inactive_count: 1, total_count: 3 }));
    const client = createAgentEngineClient({ ...options, fetch: api.fetch, validateResponses: true });
    await expect(client.workspaces.stats()).resolves.toEqual({ active_count: 2, inactive_count: 1, total_count: 3 });
  });

  it('fails a call whose answer renames a field, naming operation, pointer and value', async () => {
    const api = fakeApi(() => json({ active_count: 2, inactive_count: 1, total: 3 }));
    const client = createAgentEngineClient({ ...options, fetch: api.fetch, validateResponses: true });
    const error = await client.workspaces.stats().then(
      () => expect.fail('the call succeeded'),
      (e: unknown) => e as SpecViolationError,
    );
    expect(error).toBeInstanceOf(SpecViolationError);
    expect(error.violations).toEqual([
      expect.objectContaining({
        operationId: 'get_workspaces_stats',
        pointer: '/',
        message: "must have required property 'total_count'",
      }),
    ]);
    expect(error.message).toContain(
      'GET https://api.example.test/api/v1/workspaces/stats answered 200 outside the spec of get_workspaces_stats',
    );
  });

  it('checks the token endpoint too, and an undocumented status', async () => {
    const api = fakeApi(
      () => json({ message: 'teapot' }, 418),
      () => json({ ...applicationToken(), expires_in: '900' }),
    );
    const client = createAgentEngineClient({ ...options, fetch: api.fetch, validateResponses: true });
    const error = await client.workspaces.stats().then(
      () => expect.fail('the call succeeded'),
      (e: unknown) => e as SpecViolationError,
    );
    expect(error).toBeInstanceOf(SpecViolationError);
    expect(error.violations[0]).toMatchObject({
      operationId: 'create_account_applications_token',
      pointer: '/expires_in',
      value: '900',
    });
    const fine = fakeApi(() => json({ message: 'teapot' }, 418));
    const second = await createAgentEngineClient({ ...options, fetch: fine.fetch, validateResponses: true })
      .workspaces.stats()
      .then(
        () => expect.fail('the call succeeded'),
        (e: unknown) => e as SpecViolationError,
      );
    expect(second.violations[0]).toMatchObject({
      operationId: 'get_workspaces_stats',
      status: 418,
      message: 'status 418 is not documented',
    });
  });

  it('scrubs a token quoted as an offending value', async () => {
    const api = fakeApi((request) =>
      json({ active_count: request.headers.get('authorization')!.slice(7), inactive_count: 0, total_count: 1 }),
    );
    const client = createAgentEngineClient({ ...options, fetch: api.fetch, validateResponses: true });
    const error = await client.workspaces.stats().then(
      () => expect.fail('the call succeeded'),
      (e: unknown) => e as SpecViolationError,
    );
    expect(error).toBeInstanceOf(SpecViolationError);
    const token = api.requests.at(-1)!.headers.get('authorization')!.slice(7);
    expect(error.message).toContain('[redacted]');
    expect(error.message).not.toContain(token);
    expect(JSON.stringify(error.violations)).not.toContain(token);
    expect(JSON.stringify(error)).not.toContain(token);
  });

  it('is off by default: a drifting answer is returned as it is', async () => {
    const api = fakeApi(() => json({ active_count: 2, inactive_count: 1, total: 3 }));
    await expect(createAgentEngineClient({ ...options, fetch: api.fetch }).workspaces.stats()).resolves.toMatchObject({
      total: 3,
    });
  });
});

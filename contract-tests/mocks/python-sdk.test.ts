// The standalone mock (what `npm start` serves) driven with the requests the official Python SDK's cloud client sends
// when SDK_DEV_ADP_API_HOST points at it (the sequence is in support/python-sdk.ts, which the proxy's test also runs).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_MOCK_CLIENT_ID } from '../../mocks/service/config.js';
import { startStandaloneMock } from '../../mocks/standalone.js';
import { runPythonSdkSequence, sdkCall } from '../support/python-sdk.js';

let mock: Awaited<ReturnType<typeof startStandaloneMock>>;

beforeAll(async () => {
  mock = await startStandaloneMock({ port: 0, seed: 11, log: false });
});
afterAll(() => mock.close());

describe('the official Python SDK against the mock', () => {
  it('authenticates, creates a connector, finds it by workspace and definition, executes, pages, deletes', async () => {
    await runPythonSdkSequence(mock.url);
  });

  it('answers the SDK a 401 it maps to an authentication error, with no secret in it', async () => {
    const refused = await sdkCall(mock.url, 'POST', '/api/v1/account/applications/token', undefined, {
      client_id: DEFAULT_MOCK_CLIENT_ID,
      client_secret: 'not-the-secret',
    });
    expect(refused.status).toBe(401);
    expect(JSON.stringify(refused.body)).not.toContain('not-the-secret');
  });
});

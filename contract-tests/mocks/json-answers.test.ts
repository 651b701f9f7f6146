// Answers are serialized once, with the JSON of stored records kept between answers until a write changes them: the
// bytes must always be what JSON.stringify would make, and a write must show on the very next read.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createMockFetch, DEFAULT_MOCK_CLIENT_ID, DEFAULT_MOCK_CLIENT_SECRET } from '../../mocks/node.js';
import { cacheableJson, forgetJson, joinChunks, toJsonBody } from '../../mocks/pipeline/json.js';

const text = (body: string | Uint8Array[]) =>
  typeof body === 'string' ? body : new TextDecoder().decode(joinChunks(body));

describe('toJsonBody', () => {
  it('makes what JSON.stringify makes, whichever objects are marked cacheable', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.array(fc.boolean(), { minLength: 50, maxLength: 50 }), (value, marks) => {
        let n = 0;
        const mark = (v: unknown): void => {
          if (v === null || typeof v !== 'object') return;
          if (marks[n++ % marks.length]) cacheableJson(v);
          for (const item of Object.values(v)) mark(item);
        };
        mark(value);
        expect(text(toJsonBody(value))).toBe(JSON.stringify(value));
        // Twice: the second time from kept bytes.
        expect(text(toJsonBody(value))).toBe(JSON.stringify(value));
      }),
      { numRuns: 300 },
    );
  });

  it('skips undefined members and writes null for undefined items, as JSON.stringify does', () => {
    const value = { a: undefined, b: [undefined, 1], c: { d: undefined, e: 'é' } };
    expect(text(toJsonBody(value))).toBe(JSON.stringify(value));
  });

  it('answers a marked object as it was until forgetJson, then as it is', () => {
    const record = { id: 1, title: 'before' };
    cacheableJson(record);
    const answer = { result: [record] };
    expect(text(toJsonBody(answer))).toContain('before');
    record.title = 'after';
    forgetJson(record);
    expect(text(toJsonBody(answer))).toBe(JSON.stringify(answer));
  });
});

describe('execute answers with kept record JSON', () => {
  it('a write shows on the next list, shaped or not', async () => {
    const mock = createMockFetch({ seed: 4 });
    const base = 'https://api.airbyte.ai';
    const call = async (path: string, body: unknown, token?: string) => {
      const response = await mock.fetch(`${base}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify(body),
      });
      return { status: response.status, json: (await response.json()) as any };
    };
    const token = (
      await call('/api/v1/account/applications/token', {
        client_id: DEFAULT_MOCK_CLIENT_ID,
        client_secret: DEFAULT_MOCK_CLIENT_SECRET,
      })
    ).json.access_token;
    const connector = (
      await call(
        '/api/v1/integrations/connectors',
        {
          workspace_name: 'default',
          connector_type: 'GitHub',
          credentials: { token: 'ghp_x' },
          replication_config: { repositories: ['airbytehq/airbyte'] },
        },
        token,
      )
    ).json;
    const execute = (body: unknown) => call(`/api/v1/integrations/connectors/${connector.id}/execute`, body, token);
    const list = { entity: 'issues', action: 'list', params: { owner: 'airbytehq', repo: 'airbyte', per_page: 5 } };
    const selected = { ...list, select_fields: ['number', 'title'] };
    const first = await execute(list);
    expect(first.status, JSON.stringify(first.json).slice(0, 300)).toBe(200);
    await execute(selected);
    const number = first.json.result[0].number;
    // Asked twice, answered alike (the second time from kept JSON).
    expect((await execute(list)).json).toEqual(first.json);

    const update = await execute({
      entity: 'issues',
      action: 'update',
      params: { owner: 'airbytehq', repo: 'airbyte', issue_number: number, title: 'Changed after a cached read' },
    });
    expect(update.status).toBe(200);
    expect((await execute(list)).json.result[0].title).toBe('Changed after a cached read');
    expect((await execute(selected)).json.result[0]).toEqual({ number, title: 'Changed after a cached read' });
  });
});

// Prism (`npm run mock:prism`) serving the Agent Engine spec in static mode answers every operation's example
// request with its success response, and that response validates against the spec. One Prism for the whole file,
// started as a user starts it: by the npm script, with the port given after `--`.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  SpecValidator,
  derefPointer,
  describeErrors,
  listOperations,
  operationSchemaPointer,
  resolveRef,
} from '../../mocks/spec.js';
import { type StartedProcess, freePort, startProcess } from '../support/processes.js';

const validator = new SpecValidator('agent-engine');
const doc = validator.doc;
let npm: StartedProcess | undefined;
let port = 0;
let base = '';

beforeAll(async () => {
  const started = performance.now();
  port = await freePort();
  // Its own process group: npm, tsx, the command and Prism are stopped together at the end. Not ready if npm ends
  // before Prism says it listens (how the script failed before: Prism given --port twice).
  npm = await startProcess(
    'npm',
    ['run', '--silent', 'mock:prism', '--', '--port', String(port)],
    /Prism is listening/,
    {
      detached: true,
    },
  );
  base = `http://127.0.0.1:${port}`;
  console.log(`prism: listening after ${(performance.now() - started).toFixed(0)} ms`);
}, 90_000);

afterAll(() => {
  if (npm && npm.child.exitCode === null) process.kill(-npm.child.pid!, 'SIGTERM');
});

describe('npm run mock:prism', () => {
  it('listens on the port given after --, e.g. npm run mock:prism -- --port N', async () => {
    expect(npm!.output()).toMatch(/Prism is listening/);
    const answer = await fetch(`http://127.0.0.1:${port}/api/v1/workspaces/stats`, {
      headers: { authorization: 'Bearer x' },
    });
    expect(answer.status).toBe(200);
  });
});

const operations = listOperations(doc);

describe('Prism serving the spec', () => {
  it.each(operations.map((op) => [`${op.method.toUpperCase()} ${op.path}`, op] as const))(
    '%s answers its success example, valid against the spec',
    async (_key, op) => {
      const path = op.path.replace(/\{([^}]+)\}/g, (_m, name: string) =>
        name === 'connector_type' ? 'Facebook%20Marketing' : 'c8d9e0f1-2a3b-4c5d-8e6f-7a8b9c0d1e2f',
      );
      let body: string | undefined;
      if (op.operation.requestBody) {
        const requestBody = derefPointer(doc, `${op.pointer}/requestBody`);
        const name = Object.keys(requestBody.value.content['application/json'].examples)[0]!;
        body = JSON.stringify(
          derefPointer(doc, `${requestBody.pointer}/content/application~1json/examples/${name}`).value.value,
        );
      }
      // Required query parameters (the skills' `query` and `id`) with their examples.
      const query = new URLSearchParams();
      for (const parameter of op.parameters.map((p) => resolveRef(doc, p)))
        if (parameter.in === 'query' && parameter.required) query.set(parameter.name, String(parameter.example));
      const response = await fetch(`${base}${path}${query.size > 0 ? `?${query}` : ''}`, {
        method: op.method.toUpperCase(),
        headers: {
          accept: 'application/json',
          authorization: 'Bearer eyJhbGciOiJIUzI1NiJ9.e30.prism',
          ...(body ? { 'content-type': 'application/json' } : {}),
        },
        ...(body ? { body } : {}),
      });
      const success = Object.keys(op.operation.responses).find((code) => code.startsWith('2'))!;
      const text = await response.text();
      expect(String(response.status), text).toBe(success);
      if (success === '204') return;
      const result = validator.check(
        operationSchemaPointer(doc, op.method, op.path, success as `${number}`),
        JSON.parse(text),
      );
      expect(result.valid, describeErrors(result.errors)).toBe(true);
    },
  );

  it('refuses an invalid request with a 4xx (request validation on)', async () => {
    const response = await fetch(`${base}/api/v1/integrations/connectors`, {
      method: 'POST',
      headers: { authorization: 'Bearer x', 'content-type': 'application/json' },
      body: JSON.stringify({ name: 1 }),
    });
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
  });
});

// The Agent Engine spec against the published API (api-facts.md / agent-api-facts.json, version 0.9.0), field by
// field: every operation with its path, method, operationId, tag and success code; every parameter; every request
// and success-response field with the same name, type, required and nullable flags and enum.
import { describe, expect, it } from 'vitest';
import facts from '../fixtures/agent-api-facts.json' with { type: 'json' };
import { listOperations, loadSpec, resolveRef } from '../../mocks/spec.js';
import { flattenFields, parameterType, type FieldFact } from '../support/field-facts.js';

const doc = loadSpec('agent-engine');
const operations = new Map(listOperations(doc).map((op) => [`${op.method.toUpperCase()} ${op.path}`, op]));

/**
 * Where the spec knowingly differs from the published description. The one reusable `x-organization-id` parameter is
 * `string(uuid)` everywhere; the published description types it `string(uuid)|null` on the token endpoint only, and
 * an HTTP header cannot be null.
 */
const KNOWN_DEVIATIONS = new Set(['POST /api/v1/account/applications/token param x-organization-id']);

type FactField = (typeof facts.operations)[number]['requestFields'][number] & { enum?: string[] };

function normalize(fields: (FactField | FieldFact)[]) {
  return Object.fromEntries(
    fields.map((f) => [f.path, { type: f.type, required: f.required, nullable: f.nullable, enum: f.enum ?? null }]),
  );
}

function jsonContentSchema(content: Record<string, any> | undefined) {
  return content?.['application/json']?.schema;
}

describe('the Agent Engine spec matches the published API field by field', () => {
  it('covers all 38 published operations', () => {
    expect(facts.operations).toHaveLength(38);
    const missing = facts.operations.map((f) => `${f.method} ${f.path}`).filter((key) => !operations.has(key));
    expect(missing).toEqual([]);
  });

  describe.each(facts.operations.map((f) => [`${f.method} ${f.path}`, f] as const))('%s', (key, fact) => {
    const op = operations.get(key)!;

    it('has the operationId, tags and success status of the published API', () => {
      expect(op.operationId).toBe(fact.operationId);
      expect(op.operation.tags).toEqual(fact.tags);
      const codes = Object.keys(op.operation.responses);
      expect(codes.filter((c) => c.startsWith('2'))).toEqual([fact.success]);
      for (const status of fact.statuses) expect(codes).toContain(status);
    });

    it('needs the same authentication', () => {
      const security = op.operation.security ?? doc.security;
      expect(security.length === 0 ? 'none' : 'bearer').toBe(fact.auth);
    });

    it('takes the same parameters', () => {
      const mine = op.parameters.map((p) => resolveRef(doc, p));
      expect(mine.map((p) => p.name).sort()).toEqual(fact.params.map((p) => p.name).sort());
      for (const param of fact.params) {
        const found = mine.find((p) => p.name === param.name)!;
        expect(found.in, param.name).toBe(param.in);
        expect(Boolean(found.required), param.name).toBe(param.required);
        if (KNOWN_DEVIATIONS.has(`${key} param ${param.name}`)) continue;
        expect(parameterType(doc, found), param.name).toBe(param.type);
      }
    });

    it('takes the same request body fields', () => {
      const body = op.operation.requestBody ? resolveRef(doc, op.operation.requestBody) : undefined;
      expect(Boolean(body), 'has a request body').toBe(fact.requestBody);
      if (!body) return;
      const schema = jsonContentSchema(body.content);
      expect(normalize(flattenFields(doc, schema))).toEqual(normalize(fact.requestFields));
    });

    it('answers the same success response fields', () => {
      const response = resolveRef(doc, op.operation.responses[fact.success]);
      const schema = jsonContentSchema(response.content);
      const mine = schema ? flattenFields(doc, schema) : [];
      expect(normalize(mine)).toEqual(normalize(fact.responseFields));
    });
  });

  it('adds only the documented extras: the deprecated embedded aliases and OAuth initiate', () => {
    const published = new Set(facts.operations.map((f) => `${f.method} ${f.path}`));
    const extras = [...operations.keys()].filter((key) => !published.has(key)).sort();
    expect(extras).toEqual([
      'POST /api/v1/embedded/scoped-token',
      'POST /api/v1/embedded/widget-token',
      'POST /api/v1/integrations/connectors/oauth/initiate',
    ]);
    expect(operations.get('POST /api/v1/embedded/scoped-token')!.operation.deprecated).toBe(true);
    expect(operations.get('POST /api/v1/embedded/widget-token')!.operation.deprecated).toBe(true);
    expect(operations.get('POST /api/v1/integrations/connectors/oauth/initiate')!.operation['x-inferred']).toBe(true);
  });
});

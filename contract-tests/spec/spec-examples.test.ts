// Every example in both specs validates against its schema (JSON Schema 2020-12, formats on), and every request body
// and response of every operation has at least one example: Prism serves them, so they are what users see first.
import { describe, expect, it } from 'vitest';
import {
  SPEC_NAMES,
  SpecSchemas,
  SpecValidator,
  derefPointer,
  describeErrors,
  escapePointer,
  listOperations,
  type OpenApiDocument,
} from '../../mocks/spec.js';

interface ExampleCase {
  /** Where the example is written. */
  at: string;
  /** The schema it must validate against. */
  schema: string;
  value: unknown;
}

/** Every example of the spec with the pointer of the schema it belongs to; example values are data, not walked. */
function collectExamples(doc: OpenApiDocument): ExampleCase[] {
  const cases: ExampleCase[] = [];
  const visit = (node: any, pointer: string): void => {
    if (!node || typeof node !== 'object') return;
    if (Array.isArray(node)) {
      for (const [i, item] of node.entries()) visit(item, `${pointer}/${i}`);
      return;
    }
    if ('schema' in node) {
      // A media type, parameter or header: `example`, or a map of named examples (possibly $refs).
      if ('example' in node) cases.push({ at: `${pointer}/example`, schema: `${pointer}/schema`, value: node.example });
      for (const [name, example] of Object.entries<any>(node.examples ?? {})) {
        const resolved = derefPointer(doc, `${pointer}/examples/${escapePointer(name)}`);
        if ('value' in resolved.value)
          cases.push({ at: resolved.pointer, schema: `${pointer}/schema`, value: resolved.value.value });
        else expect.fail(`${pointer}/examples/${name} has no value (${JSON.stringify(example)})`);
      }
    } else {
      // A schema: its own `examples` array and its `default`.
      if (Array.isArray(node.examples)) {
        for (const [i, value] of (node.examples as unknown[]).entries())
          cases.push({ at: `${pointer}/examples/${i}`, schema: pointer, value });
      }
      if ('default' in node && !('in' in node))
        cases.push({ at: `${pointer}/default`, schema: pointer, value: node.default });
    }
    for (const [key, child] of Object.entries(node)) {
      if (key === 'example' || key === 'examples') continue;
      if (pointer === '#/components' && key === 'examples') continue;
      visit(child, `${pointer}/${escapePointer(key)}`);
    }
  };
  visit(doc, '#');
  return cases;
}

/** Media types of an operation's request body and responses that have a schema but no example. */
function mediaTypesWithoutExamples(doc: OpenApiDocument): string[] {
  const missing: string[] = [];
  for (const op of listOperations(doc)) {
    const holders = [
      ...(op.operation.requestBody ? [`${op.pointer}/requestBody`] : []),
      ...Object.keys(op.operation.responses).map((code) => `${op.pointer}/responses/${code}`),
    ];
    for (const holder of holders) {
      const { value } = derefPointer(doc, holder);
      for (const [mediaType, media] of Object.entries<any>(value.content ?? {})) {
        const hasExample = 'example' in media || Object.keys(media.examples ?? {}).length > 0;
        if (media.schema && !hasExample)
          missing.push(`${op.method.toUpperCase()} ${op.path} ${holder.split('/').pop()} ${mediaType}`);
      }
    }
  }
  return missing;
}

describe.each(SPEC_NAMES)('examples of %s', (name) => {
  const validator = new SpecValidator(name);
  const cases = collectExamples(validator.doc);

  it('every request body and response of every operation has an example', () => {
    expect(mediaTypesWithoutExamples(validator.doc)).toEqual([]);
  });

  it('has examples to check', () => {
    expect(cases.length).toBeGreaterThan(name === 'agent-engine' ? 90 : 15);
  });

  it.each(cases.map((c) => [c.at, c] as const))('%s validates against its schema', (_at, example) => {
    const result = validator.check(example.schema, example.value);
    expect(result.valid, describeErrors(result.errors)).toBe(true);
  });
});

describe('validators compiled from a spec', () => {
  const pointer = '#/components/schemas/ExecuteRequest';

  it('are compiled once for every SpecSchemas of the same document, and apart for a copy of it', () => {
    const first = new SpecValidator('agent-engine');
    const second = new SpecValidator('agent-engine');
    expect(second.validator(pointer)).toBe(first.validator(pointer));
    // A changed copy is another document: its validators follow the copy, not the spec they were copied from.
    const copy = structuredClone(first.doc) as OpenApiDocument;
    copy.components.schemas.ExecuteRequest.required = [...copy.components.schemas.ExecuteRequest.required, 'extra'];
    const changed = new SpecSchemas(copy, 'agent-engine');
    expect(changed.validator(pointer)).not.toBe(first.validator(pointer));
    const request = { entity: 'issues', action: 'list' };
    expect(first.check(pointer, request).valid).toBe(true);
    expect(changed.check(pointer, request).errors.map((e) => e.params.missingProperty)).toEqual(['extra']);
  });
});

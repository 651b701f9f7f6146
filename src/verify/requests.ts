// Requests generated from an operation of a spec, for fuzzing: valid ones (parameters and bodies of the spec's own
// schemas, the create rules' `x-exactly-one-of` and `x-at-least-one-of` kept) and ways to break them (a path id that is
// not one, a typed query parameter of the wrong type, a value outside its enum; a body that is no object, misses a
// required field or has one of the wrong type). The one generator of the kit's fuzz tests and `verify --fuzz`.
import fc from 'fast-check';
import { derefPointer, resolveRef, type OpenApiDocument, type SpecOperation } from '../validation/spec-document.js';
import { arbitraryFor } from './arbitraries.js';

type Schema = Record<string, any>;

/** One request as generated: path parameters, query parameters, and the body (undefined: none). */
export interface GeneratedRequest {
  path: Record<string, string>;
  query: Record<string, unknown>;
  /** Header parameters (names as the spec spells them). */
  headers: Record<string, string>;
  body: unknown;
}

/** A request whose body is sent as this exact text (a broken one may not even be JSON). */
export interface BrokenRequest {
  request: GeneratedRequest;
  /** The body's text, or undefined to send the request's own body. */
  bodyText?: string;
  /** How it breaks the spec, in a few words (`query.limit of the wrong type`). */
  breaks: string;
}

/** The JSON schema of an operation's request body, or undefined when it takes none. */
export function bodySchemaOf(doc: OpenApiDocument, op: SpecOperation): Schema | undefined {
  if (!op.operation.requestBody) return undefined;
  const schema = derefPointer(doc, `${op.pointer}/requestBody`).value.content?.['application/json']?.schema;
  return schema ? resolveRef(doc, schema) : undefined;
}

/**
 * Valid requests for an operation. A header parameter whose valid values depend on the account (`x-organization-id`:
 * an organization the credentials belong to) is sent, now and then, with the value `known` gives it, and left out
 * where none is known, unless it is required (then generated from its schema).
 */
export function requestArbitrary(
  doc: OpenApiDocument,
  op: SpecOperation,
  known: Record<string, string> = {},
): fc.Arbitrary<GeneratedRequest> {
  const parameters = op.parameters.map((p) => resolveRef(doc, p));
  const headerParameters = parameters.filter((p) => p.in === 'header' && (p.required || known[p.name] !== undefined));
  const headers = Object.fromEntries(
    headerParameters.map((p) => [
      p.name,
      known[p.name] !== undefined ? fc.constant(known[p.name]!) : arbitraryFor(doc, p.schema ?? {}).map(String),
    ]),
  );
  const path = Object.fromEntries(
    parameters
      .filter((p) => p.in === 'path')
      .map((p) => [
        p.name,
        p.name === 'connector_type'
          ? fc.constantFrom('GitHub', 'HubSpot', 'Facebook Marketing', 'No Such Thing')
          : resolveRef(doc, p.schema ?? {}).format === 'uuid' || /(^|_)id$/.test(p.name)
            ? fc.uuid({ version: 4 })
            : (arbitraryFor(doc, p.schema ?? { type: 'string' }).map(String) as fc.Arbitrary<string>),
      ]),
  );
  const query = Object.fromEntries(
    parameters.filter((p) => p.in === 'query').map((p) => [p.name, arbitraryFor(doc, p.schema ?? {})]),
  );
  const schema = bodySchemaOf(doc, op);
  let body: fc.Arbitrary<unknown> = fc.constant(undefined);
  if (schema) {
    const exactlyOne: string[] = schema['x-exactly-one-of'] ?? [];
    const atLeastOne: string[] = schema['x-at-least-one-of'] ?? [];
    const chosen = exactlyOne.length > 0 ? fc.constantFrom(...exactlyOne) : fc.constant(undefined);
    const kept = atLeastOne.length > 0 ? fc.constantFrom(...atLeastOne) : fc.constant(undefined);
    body = fc.tuple(arbitraryFor(doc, schema), chosen, kept).chain(([generated, one, atLeast]) => {
      if (!generated || typeof generated !== 'object' || Array.isArray(generated)) return fc.constant(generated);
      const record: Record<string, unknown> = { ...(generated as Record<string, unknown>) };
      const missing: Record<string, fc.Arbitrary<unknown>> = {};
      // Exactly one of the group: the chosen one, made if the generated body left it out.
      if (one !== undefined) {
        for (const field of exactlyOne) if (field !== one) delete record[field];
        if (record[one] === undefined) missing[one] = arbitraryFor(doc, schema.properties?.[one] ?? {});
      }
      if (atLeast !== undefined && atLeastOne.every((field) => record[field] === undefined))
        missing[atLeast] = arbitraryFor(doc, schema.properties?.[atLeast] ?? {});
      return Object.keys(missing).length === 0
        ? fc.constant(record)
        : fc.record(missing).map((made) => ({ ...record, ...made }));
    });
  }
  return fc.record({
    path: fc.record(path) as fc.Arbitrary<Record<string, string>>,
    // Required query parameters always, the others now and then.
    query: fc.record(query, {
      requiredKeys: parameters.filter((p) => p.in === 'query' && p.required).map((p) => p.name as string),
    }),
    headers: fc.record(headers, {
      requiredKeys: headerParameters.filter((p) => p.required).map((p) => p.name as string),
    }) as fc.Arbitrary<Record<string, string>>,
    body,
  });
}

/**
 * Ways to break a request's parameters: a path id or a header that is no UUID, a typed or enumerated query
 * parameter's value.
 */
export function parameterBreaks(doc: OpenApiDocument, op: SpecOperation): ((r: GeneratedRequest) => BrokenRequest)[] {
  const breaks: ((r: GeneratedRequest) => BrokenRequest)[] = [];
  for (const raw of op.parameters) {
    const parameter = resolveRef(doc, raw);
    const schema = resolveRef(doc, parameter.schema ?? {});
    const types: string[] = Array.isArray(schema.type) ? schema.type : [schema.type];
    const name: string = parameter.name;
    if (parameter.in === 'path' && schema.format === 'uuid')
      breaks.push((r) => ({
        request: { ...r, path: { ...r.path, [name]: 'not-a-uuid' } },
        breaks: `path.${name} not a UUID`,
      }));
    if (parameter.in === 'header' && schema.format === 'uuid')
      breaks.push((r) => ({
        request: { ...r, headers: { ...r.headers, [name]: 'not-a-uuid' } },
        breaks: `header ${name} not a UUID`,
      }));
    if (parameter.in === 'query' && (types.includes('integer') || types.includes('boolean')))
      breaks.push((r) => ({
        request: { ...r, query: { ...r.query, [name]: 'not-a-number-or-boolean' } },
        breaks: `query.${name} of the wrong type`,
      }));
    if (parameter.in === 'query' && typeof schema.maximum === 'number')
      breaks.push((r) => ({
        request: { ...r, query: { ...r.query, [name]: schema.maximum + 1 } },
        breaks: `query.${name} above its maximum`,
      }));
    if (parameter.in === 'query' && schema.enum)
      breaks.push((r) => ({
        request: { ...r, query: { ...r.query, [name]: 'not-one-of-the-values' } },
        breaks: `query.${name} outside its enum`,
      }));
  }
  return breaks;
}

/** Ways to break a body the spec describes: not an object, a required field gone, a field of the wrong type. */
export function bodyBreaks(doc: OpenApiDocument, op: SpecOperation): ((r: GeneratedRequest) => BrokenRequest)[] {
  const schema = bodySchemaOf(doc, op);
  if (!schema) return [];
  const body = (r: GeneratedRequest) => (r.body ?? {}) as Record<string, unknown>;
  const breaks: ((r: GeneratedRequest) => BrokenRequest)[] = [
    (r) => ({ request: r, bodyText: '"not an object"', breaks: 'a body that is no object' }),
    (r) => ({ request: r, bodyText: '{"unterminated": ', breaks: 'a body that is not JSON' }),
  ];
  const required: string[] = schema.oneOf || schema.anyOf ? [] : (schema.required ?? []);
  for (const field of required)
    breaks.push((r) => ({
      request: r,
      bodyText: JSON.stringify({ ...body(r), [field]: undefined }),
      breaks: `the required body field ${field} missing`,
    }));
  for (const [field, property] of Object.entries<Schema>(schema.properties ?? {})) {
    const type = resolveRef(doc, property).type;
    if (typeof type !== 'string' || !['string', 'integer', 'boolean', 'array', 'object'].includes(type)) continue;
    breaks.push((r) => ({
      request: r,
      bodyText: JSON.stringify({ ...body(r), [field]: type === 'string' ? 12345 : 'wrong type' }),
      breaks: `the body field ${field} of the wrong type`,
    }));
  }
  return breaks;
}

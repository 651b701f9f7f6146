// An OpenAPI document as runtime data, in any runtime: operations, JSON pointers and `$ref`s, and ajv validators
// compiled from its schemas (JSON Schema 2020-12, formats on). Shared by the client's response validation, the
// mocks and the tests, so that all of them check against the spec itself.
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import ajvFormats from 'ajv-formats';

// ajv-formats is CommonJS: seen from an ES module its default import is `module.exports`, whose `.default` is the plugin.
const addFormats = ajvFormats.default;

/** A parsed OpenAPI document with its `$ref`s left in place. */
export type OpenApiDocument = Record<string, any>;

export const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

export interface SpecOperation {
  method: (typeof HTTP_METHODS)[number];
  path: string;
  operationId: string;
  /** JSON pointer of the operation object inside the spec. */
  pointer: string;
  operation: Record<string, any>;
  /** Path-level parameters followed by the operation's own, `$ref`s left in place. */
  parameters: Record<string, any>[];
}

/**
 * The kinds of token an operation takes, from the roles of its security requirements (OpenAPI 3.1 lets a
 * requirement of an `http` scheme list roles; each requirement is an alternative): `bearerAuth: [scoped]` takes a
 * scoped token. Empty for an operation that takes none; a requirement without a role takes any token (`*`).
 */
export function tokenKinds(doc: OpenApiDocument, operation: Record<string, any>): ReadonlySet<string> {
  const requirements: Record<string, string[]>[] = operation.security ?? doc.security ?? [];
  const kinds = new Set<string>();
  for (const requirement of requirements)
    for (const roles of Object.values(requirement))
      for (const role of roles.length > 0 ? roles : ['*']) kinds.add(role);
  return kinds;
}

/**
 * The keys of a JSON pointer, unescaped (`/a/b~1c` → `a`, `b/c`); a leading `#` (a URI fragment) is allowed, and `''`
 * or `'#'` is the root.
 */
export function pointerSegments(pointer: string): string[] {
  const path = pointer.startsWith('#') ? pointer.slice(1) : pointer;
  return path === ''
    ? []
    : path
        .slice(1)
        .split('/')
        .map((part) => part.replaceAll('~1', '/').replaceAll('~0', '~'));
}

export function escapePointer(segment: string): string {
  return segment.replaceAll('~', '~0').replaceAll('/', '~1');
}

export function listOperations(doc: OpenApiDocument): SpecOperation[] {
  const operations: SpecOperation[] = [];
  for (const [path, item] of Object.entries<Record<string, any>>(doc.paths ?? {})) {
    for (const method of HTTP_METHODS) {
      const operation = item[method];
      if (!operation) continue;
      operations.push({
        method,
        path,
        operationId: operation.operationId,
        pointer: `#/paths/${escapePointer(path)}/${method}`,
        operation,
        parameters: [...(item.parameters ?? []), ...(operation.parameters ?? [])],
      });
    }
  }
  return operations;
}

function valueAt(doc: OpenApiDocument, pointer: string): any {
  return pointerSegments(pointer)
    .filter((part) => part !== '')
    .reduce<any>((parent, key) => parent?.[key], doc);
}

/**
 * The object at a JSON pointer of the spec, following local `$ref`s on the way, with the pointer where it really
 * lives (so that a schema found through `#/components/responses/...` can be compiled by its own pointer).
 */
export function derefPointer(doc: OpenApiDocument, pointer: string): { value: any; pointer: string } {
  let current = pointer;
  let value = valueAt(doc, current);
  const seen = new Set<string>();
  while (value && typeof value === 'object' && typeof value.$ref === 'string') {
    const ref: string = value.$ref;
    if (!ref.startsWith('#/') || seen.has(ref)) throw new Error(`cannot resolve $ref ${ref}`);
    seen.add(ref);
    current = ref;
    value = valueAt(doc, ref);
  }
  if (value === undefined) throw new Error(`nothing at ${current}`);
  return { value, pointer: current };
}

/** Follows a local `$ref` (`#/components/...`) to the object it names; anything else is returned as it is. */
export function resolveRef<T = Record<string, any>>(doc: OpenApiDocument, node: any): T {
  if (node && typeof node === 'object' && typeof node.$ref === 'string') return derefPointer(doc, node.$ref).value as T;
  return node as T;
}

/**
 * The JSON pointer of the JSON schema of an operation's request body (`'request'`) or of one of its responses, with
 * `$ref`s to shared request bodies and responses followed.
 */
export function operationSchemaPointer(
  doc: OpenApiDocument,
  method: string,
  path: string,
  part: 'request' | `${number}`,
  mediaType = 'application/json',
): string {
  const op = `#/paths/${escapePointer(path)}/${method.toLowerCase()}`;
  const holder = derefPointer(doc, part === 'request' ? `${op}/requestBody` : `${op}/responses/${part}`);
  const media = `${holder.pointer}/content/${escapePointer(mediaType)}`;
  if (!valueAt(doc, media)?.schema) throw new Error(`${method} ${path} ${part} has no ${mediaType} schema`);
  return `${media}/schema`;
}

/** An ajv for the JSON Schema dialect of OpenAPI 3.1 (the specs' and the connector definitions'), formats checked. */
export function createOpenApiAjv(): Ajv2020 {
  // OpenAPI adds keywords of its own (example, discriminator, x-*) that JSON Schema does not know. The generated code is
  // not optimized: a validator is compiled on its first use, mostly to check a handful of values (the mock, verify, the
  // proxy), and ajv's optimizing pass about doubled the compile time. The 2,080 params and record schemas of the
  // connector definitions compiled in 2.2-2.8 s with it and 1.2-1.5 s without; validating took the same time either way.
  const ajv = new Ajv2020({ allErrors: true, strict: false, validateSchema: false, code: { optimize: false } });
  addFormats(ajv);
  // OpenAPI's own formats: `binary` bodies are opaque, the integer widths are checked by `type`.
  for (const format of ['binary', 'byte', 'int32', 'int64', 'float', 'double', 'password']) ajv.addFormat(format, true);
  return ajv;
}

/**
 * A validator per schema object, compiled on its first use (and the ajv with it) by `createOpenApiAjv`'s set-up, then
 * kept as long as the schema object is: what the mock's execute engine and the agent tools check values with.
 */
export function schemaValidators(): (schema: object) => ValidateFunction {
  let ajv: Ajv2020 | undefined;
  const compiled = new WeakMap<object, ValidateFunction>();
  return (schema) => {
    let validate = compiled.get(schema);
    if (!validate) {
      ajv ??= createOpenApiAjv();
      validate = ajv.compile(schema);
      compiled.set(schema, validate);
    }
    return validate;
  };
}

/** One problem a schema found in a value: ajv's error object, by the fields the kit reads (ajv's own types stay inside). */
export interface SchemaError {
  /** Where in the value, as a JSON pointer ('' for the value itself). */
  instancePath: string;
  /** The schema keyword that failed: `required`, `type`, `enum`, ... */
  keyword: string;
  message?: string | undefined;
  /** The keyword's details, e.g. `missingProperty`, `allowedValues`. */
  params: Record<string, any>;
}

/** A compiled schema: true when the value fits it; after false, its problems in `errors`. */
export interface SchemaValidator {
  (value: unknown): boolean;
  errors?: SchemaError[] | null;
}

export interface SchemaCheck {
  valid: boolean;
  errors: SchemaError[];
}

/** What every `SpecSchemas` of one spec document shares: its ajv, made on first use, and the validators compiled so far. */
interface CompiledSpec {
  ajv?: Ajv2020;
  validators: Map<string, ValidateFunction>;
}

/** By spec document (the object itself: a changed copy is another document) and by name. */
const compiledSpecs = new WeakMap<OpenApiDocument, Map<string, CompiledSpec>>();

/**
 * Validates values against schemas of one spec, addressed by JSON pointer into the spec
 * (`#/components/schemas/ExecuteRequest`, or an inline schema of an operation). JSON Schema 2020-12, the
 * dialect of OpenAPI 3.1, with formats checked. A schema is compiled on its first use, once for every `SpecSchemas`
 * of the same document: a mock, client or verify run made after another one finds its validators compiled. The
 * document must not change once validators are made from it (copy it first, as `structuredClone` does).
 */
export class SpecSchemas {
  private readonly id: string;
  private readonly shared: CompiledSpec;

  constructor(
    readonly doc: OpenApiDocument,
    name: string,
  ) {
    this.id = `urn:agent-engine-kit:spec:${name}`;
    let byName = compiledSpecs.get(doc);
    if (!byName) compiledSpecs.set(doc, (byName = new Map()));
    let shared = byName.get(name);
    if (!shared) byName.set(name, (shared = { validators: new Map() }));
    this.shared = shared;
  }

  validator(pointer: string): SchemaValidator {
    let validate = this.shared.validators.get(pointer);
    if (!validate) {
      if (!this.shared.ajv) {
        const ajv = createOpenApiAjv();
        ajv.addSchema({ ...this.doc, $id: this.id });
        this.shared.ajv = ajv;
      }
      const compiled = this.shared.ajv.getSchema(`${this.id}${pointer}`);
      if (!compiled) throw new Error(`no schema at ${pointer}`);
      validate = compiled;
      this.shared.validators.set(pointer, compiled);
    }
    return validate;
  }

  check(pointer: string, value: unknown): SchemaCheck {
    const validate = this.validator(pointer);
    const valid = validate(value) as boolean;
    return { valid, errors: valid ? [] : [...(validate.errors ?? [])] };
  }
}

/** One line per ajv error: where in the value, what is wrong. */
export function describeErrors(errors: readonly SchemaError[]): string {
  return errors
    .map((e) => `${e.instancePath || '(root)'} ${e.message ?? e.keyword} ${JSON.stringify(e.params)}`)
    .join('\n');
}

/**
 * A self-contained copy of the schema at a JSON pointer: every local `$ref` inside it replaced by a copy of what it
 * names, so that it can be handed to tools that know nothing of the spec (an AI agent's tool definition, a form
 * generator). A schema that refers to itself cannot be inlined and is refused.
 */
export function inlineSchema(doc: OpenApiDocument, pointer: string): Record<string, any> {
  const copy = (node: any, trail: string[]): any => {
    if (Array.isArray(node)) return node.map((item) => copy(item, trail));
    if (!node || typeof node !== 'object') return node;
    if (typeof node.$ref === 'string') {
      if (trail.includes(node.$ref))
        throw new Error(`${pointer} refers to itself through ${node.$ref}; it cannot be inlined`);
      const { $ref, ...siblings } = node;
      return { ...copy(derefPointer(doc, $ref).value, [...trail, $ref]), ...copy(siblings, trail) };
    }
    return Object.fromEntries(Object.entries(node).map(([key, value]) => [key, copy(value, trail)]));
  };
  return copy(derefPointer(doc, pointer).value, [pointer]);
}

// A tool's arguments checked against its JSON Schema before any request, and what is wrong said so that a model can
// fix it: which param, what it must be, the allowed values or params, never the whole input echoed back.
import type { ErrorObject } from 'ajv/dist/2020.js';
import { pointerSegments, schemaValidators } from '../validation/spec-document.js';

// The kit's one ajv set-up (the mock's and the response validator's): OpenAPI's formats as the API reads them.
const validatorOf = schemaValidators();

/** `/params/states/0` as `params.states[0]`; the input itself as `(arguments)`. */
function pathOf(pointer: string, prefix: string): string {
  let path = prefix;
  for (const part of pointerSegments(pointer)) path += /^\d+$/.test(part) ? `[${part}]` : path ? `.${part}` : part;
  return path;
}

/**
 * A name the model sent, as a message quotes it: in backticks when it is a plain name, else as JSON cut to 40
 * characters (raw input is never echoed whole, and cannot break out of the quoting).
 */
export function quoted(name: string): string {
  return /^[A-Za-z0-9_.\-[\]]{1,64}$/.test(name)
    ? `\`${name}\``
    : `${JSON.stringify(name.slice(0, 40))}${name.length > 40 ? '…' : ''}`;
}

const names = (list: readonly unknown[], max = 40) =>
  `${list
    .slice(0, max)
    .map((item) => JSON.stringify(item))
    .join(', ')}${list.length > max ? `, … (${list.length - max} more)` : ''}`;

function describe(error: ErrorObject, prefix: string, schemaOf: (path: string) => any): string {
  const at = pathOf(error.instancePath, prefix);
  const where = at ? quoted(at) : 'the arguments';
  const params = error.params as Record<string, any>;
  switch (error.keyword) {
    case 'required': {
      const name = at ? `${at}.${params.missingProperty}` : params.missingProperty;
      return `${quoted(name)} is required`;
    }
    case 'additionalProperties': {
      const allowed = Object.keys(schemaOf(error.schemaPath)?.properties ?? {});
      const name = at ? `${at}.${params.additionalProperty}` : params.additionalProperty;
      return `${quoted(name)} is not a param of this action${allowed.length ? `; it takes ${names(allowed)}` : ''}`;
    }
    case 'enum':
      return `${where} must be one of ${names(params.allowedValues ?? [])}`;
    case 'const':
      return `${where} must be ${JSON.stringify(params.allowedValue)}`;
    case 'type':
      return `${where} must be of type ${Array.isArray(params.type) ? params.type.join(' or ') : params.type}`;
    default:
      return `${where} ${error.message ?? 'is not valid'}`;
  }
}

/**
 * The problems of `input` against `schema`, one line each, or an empty list when it is valid. `prefix` names where
 * the schema's object sits in the tool's arguments (`params` for the dynamic execute tool's params).
 */
export function inputProblems(schema: object, input: unknown, prefix = ''): string[] {
  const validate = validatorOf(schema);
  if (validate(input)) return [];
  const errors = validate.errors ?? [];
  // A oneOf/anyOf failing says so once besides each branch's own complaint; the branches' say more.
  const specific = errors.filter((e) => e.keyword !== 'anyOf' && e.keyword !== 'oneOf' && e.keyword !== 'if');
  const schemaOf = (path: string) =>
    pointerSegments(path)
      .slice(0, -1)
      .reduce<any>((node, key) => node?.[key], schema);
  return [...new Set((specific.length ? specific : errors).map((e) => describe(e, prefix, schemaOf)))].slice(0, 20);
}

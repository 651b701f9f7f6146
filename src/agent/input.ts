// A tool's arguments checked against its JSON Schema before any request, and what is wrong said so that a model can
// fix it: which param, what it must be, the allowed values or params, never the whole input echoed back.
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import ajvFormats from 'ajv-formats';

// ajv-formats is CommonJS: seen from an ES module its default import is `module.exports`, whose `.default` is the plugin.
const addFormats = ajvFormats.default;

let ajv: Ajv2020 | undefined;
const compiled = new WeakMap<object, ValidateFunction>();

/** A compiled validator of a schema, compiled once per schema object. */
function validatorOf(schema: object): ValidateFunction {
  let validate = compiled.get(schema);
  if (!validate) {
    ajv ??= addFormats(new Ajv2020({ strict: false, allErrors: true, validateFormats: true }));
    validate = ajv.compile(schema);
    compiled.set(schema, validate);
  }
  return validate;
}

/** `/params/states/0` as `params.states[0]`; the input itself as `(arguments)`. */
function pathOf(pointer: string, prefix: string): string {
  const parts = pointer
    .split('/')
    .slice(1)
    .map((part) => part.replaceAll('~1', '/').replaceAll('~0', '~'));
  let path = prefix;
  for (const part of parts) path += /^\d+$/.test(part) ? `[${part}]` : path ? `.${part}` : part;
  return path;
}

const names = (list: readonly unknown[], max = 40) =>
  `${list
    .slice(0, max)
    .map((item) => JSON.stringify(item))
    .join(', ')}${list.length > max ? `, … (${list.length - max} more)` : ''}`;

function describe(error: ErrorObject, prefix: string, schemaOf: (path: string) => any): string {
  const at = pathOf(error.instancePath, prefix);
  const where = at ? `\`${at}\`` : 'the arguments';
  const params = error.params as Record<string, any>;
  switch (error.keyword) {
    case 'required': {
      const name = at ? `${at}.${params.missingProperty}` : params.missingProperty;
      return `\`${name}\` is required`;
    }
    case 'additionalProperties': {
      const allowed = Object.keys(schemaOf(error.schemaPath)?.properties ?? {});
      const name = at ? `${at}.${params.additionalProperty}` : params.additionalProperty;
      return `\`${name}\` is not a param of this action${allowed.length ? `; it takes ${names(allowed)}` : ''}`;
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
    path
      .replace(/^#\//, '')
      .split('/')
      .slice(0, -1)
      .reduce<any>((node, key) => node?.[key.replaceAll('~1', '/').replaceAll('~0', '~')], schema);
  return [...new Set((specific.length ? specific : errors).map((e) => describe(e, prefix, schemaOf)))].slice(0, 20);
}

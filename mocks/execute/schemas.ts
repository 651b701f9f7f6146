// Validators compiled from the connector definitions, once per schema: an action's params (what the caller sends) and
// its records (what the engine answers, checked when response validation is on). Errors name the param as the API
// does (`params.per_page`) and never quote more than a short, JSON-escaped piece of the caller's value.
import type { ErrorObject, ValidateFunction } from 'ajv/dist/2020.js';
import { pointerSegments, schemaValidators } from '../../src/validation/spec-document.js';
import type { ActionDefinition, ConnectorDefinition, JsonSchema } from '../connectors/definitions.js';
import type { Row } from './query.js';

/** The validator of a params or record schema, compiled on first use. */
export const validatorOf: (schema: JsonSchema) => ValidateFunction = schemaValidators();

export interface ParamProblem {
  field: string;
  message: string;
  error_code: string;
  details: Row | null;
}

const describe = (value: unknown) => JSON.stringify(value)?.slice(0, 40) ?? String(value);

/** One problem per param, in the API's words. */
function problemOf(error: ErrorObject, action: ActionDefinition): ParamProblem {
  const path = pointerSegments(error.instancePath);
  const allowed = Object.keys(action.params.properties ?? {});
  switch (error.keyword) {
    case 'required': {
      const name = [...path, (error.params as { missingProperty: string }).missingProperty].join('.');
      return {
        field: `params.${name}`,
        message: `${action.entity} ${action.action} needs params.${name}`,
        error_code: 'missing',
        details: { required: action.params.required ?? [] },
      };
    }
    case 'additionalProperties': {
      const name = [...path, (error.params as { additionalProperty: string }).additionalProperty].join('.');
      const where =
        path.length === 0
          ? `${action.entity} ${action.action} takes ${allowed.length ? allowed.join(', ') : 'no params'}`
          : 'it is not one of the keys this param takes';
      return {
        field: `params.${name}`,
        message: `Unknown param ${describe(name)}: ${where}`,
        error_code: 'unknown_param',
        details: path.length === 0 ? { allowed } : null,
      };
    }
    case 'enum': {
      const values = (error.params as { allowedValues: unknown[] }).allowedValues;
      return {
        field: `params.${path.join('.')}`,
        message: `params.${path.join('.')} must be one of ${values.map((v) => JSON.stringify(v)).join(', ')}`,
        error_code: 'enum',
        details: { allowed: values },
      };
    }
    default:
      return {
        field: `params.${path.join('.')}`,
        message: `params.${path.join('.')} ${error.message ?? 'is not valid'}`,
        error_code: error.keyword === 'type' ? 'type_error' : 'value_error',
        details: error.params as Row,
      };
  }
}

/** The params' problems (none when they are valid), first per param. */
export function paramProblems(action: ActionDefinition, params: Row): ParamProblem[] {
  const validate = validatorOf(action.params);
  if (validate(params)) return [];
  const seen = new Set<string>();
  const problems: ParamProblem[] = [];
  // The schema's `type` errors come with an error for each branch of a union: keep the first per param.
  for (const error of validate.errors ?? []) {
    const problem = problemOf(error, action);
    if (seen.has(problem.field)) continue;
    seen.add(problem.field);
    problems.push(problem);
  }
  return problems;
}

/**
 * A scoped param the caller left out, from the connector's configuration (GitHub `owner`/`repo` from
 * `repositories: ["owner/repo"]`): the first configured value; an `owner/name` pair gives its owner, or its name
 * for a repository-like param.
 */
export function scopedDefaults(
  definition: ConnectorDefinition,
  action: ActionDefinition,
  params: Row,
  replicationConfig: Row,
): Row {
  const out: Row = Object.assign(Object.create(null), params);
  // A required param with a default (Google Drive's `alt: media`) is the connector's to fill, as the service does.
  for (const name of action.params.required ?? []) {
    const fallback = action.params.properties?.[name]?.default;
    if (out[name] === undefined && fallback !== undefined) out[name] = structuredClone(fallback);
  }
  for (const { param, config_key } of definition.scoping) {
    if (
      out[param] !== undefined ||
      !Object.hasOwn(action.params.properties ?? {}, param) ||
      !Object.hasOwn(replicationConfig, config_key)
    )
      continue;
    const configured = replicationConfig[config_key];
    const first = Array.isArray(configured) ? configured[0] : configured;
    if (first === undefined || first === null || typeof first === 'object') continue;
    const text = String(first);
    const slash = text.indexOf('/');
    const value =
      slash < 0 ? text : /^(repo|repository|project|name)$/.test(param) ? text.slice(slash + 1) : text.slice(0, slash);
    const schema = action.params.properties[param] as JsonSchema;
    out[param] = [schema.type].flat().includes('array') ? [value] : value;
  }
  return out;
}

// What an execute request must be before it runs, from the connector's definition: a known entity and action, field
// lists that are lists of paths, params that are an object and fit the action's params schema (the connector's scoped
// params filled from its configuration first), and for context_store_search the API's own params. One check, run by
// the mock's engine before it answers and by the proxy on traffic to the real API.
import type { components } from '../../generated/agent-engine.js';
import type { ActionDefinition, ConnectorDefinition, EntityDefinition } from '../connectors/definitions.js';
import { QueryError, fieldList, type Row } from './query.js';
import { paramProblems, scopedDefaults, type ParamProblem } from './schemas.js';

type ExecuteRequest = components['schemas']['ExecuteRequest'];

/** The actions of the context store, for every entity it keeps (`search`: the older name). */
export const STORE_ACTIONS = ['context_store_search', 'search'];
export const STORE_SEARCH_PARAMS = ['query', 'limit', 'cursor', 'fields'];
export const SEARCH_LIMIT = { default: 25, max: 100 };

/** A request fit to run: its entity, its action (null for the context store's search) and its params. */
export interface CheckedExecute {
  ok: true;
  entity: EntityDefinition;
  action: ActionDefinition | null;
  /** The caller's params, with the scoped ones the connector fills from its configuration. */
  params: Row;
  select: string[][] | null;
  exclude: string[][] | null;
}

/** Why a request cannot run: the status the API answers and each problem, named as the API names them. */
export interface RefusedExecute {
  ok: false;
  status: 400 | 422;
  message: string;
  problems: ParamProblem[];
}

const problem = (field: string, message: string, error_code: string, details: Row | null = null): ParamProblem => ({
  field,
  message,
  error_code,
  details,
});

const refuse = (status: 400 | 422, message: string, problems: ParamProblem[] | ParamProblem): RefusedExecute => ({
  ok: false,
  status,
  message,
  problems: [problems].flat(),
});

/** The actions an entity offers, the definition's and the context store's. */
export function actionsOf(entity: EntityDefinition): string[] {
  return [...entity.actions.keys(), ...(entity.contextStore ? ['context_store_search'] : [])];
}

/**
 * Checks one execute request against the connector's definition. `replicationConfig` fills the scoped params the
 * caller left out (GitHub `owner` and `repo` from `repositories`); 'unknown' (a proxy that has not seen the
 * connector's configuration) takes every scoped param as filled.
 */
export function checkExecuteRequest(
  definition: ConnectorDefinition,
  request: Pick<ExecuteRequest, 'entity' | 'action' | 'params' | 'select_fields' | 'exclude_fields'>,
  replicationConfig: Row | 'unknown',
): CheckedExecute | RefusedExecute {
  const entity = definition.entities.get(String(request.entity));
  if (!entity) {
    const allowed = [...definition.entities.keys()];
    const message = `Unknown entity ${JSON.stringify(String(request.entity)).slice(0, 60)} for ${definition.title}; the entities are ${allowed.join(', ')}`;
    return refuse(422, message, problem('entity', message, 'unknown_entity', { allowed }));
  }
  const allowedActions = actionsOf(entity);
  const storeAction = STORE_ACTIONS.includes(String(request.action)) && entity.contextStore !== null;
  const action = entity.actions.get(String(request.action)) ?? null;
  if (!action && !storeAction) {
    const message = `${definition.title} ${entity.name} has no action ${JSON.stringify(String(request.action)).slice(0, 40)}; use one of ${allowedActions.join(', ')}`;
    return refuse(422, message, problem('action', message, 'unsupported_action', { allowed: allowedActions }));
  }
  let select: string[][] | null;
  let exclude: string[][] | null;
  try {
    select = fieldList(request.select_fields, 'select_fields');
    exclude = fieldList(request.exclude_fields, 'exclude_fields');
  } catch (error) {
    if (error instanceof QueryError)
      return refuse(400, error.message, problem(error.field, error.message, 'invalid_field'));
    throw error;
  }
  const params = (request.params ?? {}) as Row;
  if (!params || typeof params !== 'object' || Array.isArray(params))
    return refuse(422, 'params is an object', problem('params', 'params is an object', 'type_error'));
  if (!action) {
    const refused = storeSearchProblems(params);
    return refused ?? { ok: true, entity, action: null, params, select, exclude };
  }
  const config = replicationConfig === 'unknown' ? {} : replicationConfig;
  const withScope = scopedDefaults(definition, action, params, config);
  const scoped = new Set(definition.scoping.map((s) => s.param));
  const problems = paramProblems(action, withScope).filter(
    (p) =>
      !(replicationConfig === 'unknown' && p.error_code === 'missing' && scoped.has(p.field.slice('params.'.length))),
  );
  if (problems.length > 0)
    return refuse(
      422,
      `Invalid params for ${definition.title} ${entity.name} ${action.action}: ${problems.map((p) => p.message).join('; ')}`,
      problems,
    );
  return { ok: true, entity, action, params: withScope, select, exclude };
}

/** context_store_search's own params: `query` an object, `limit` within bounds, `cursor` one it issued. */
function storeSearchProblems(params: Row): RefusedExecute | undefined {
  const unknown = Object.keys(params).find((k) => !STORE_SEARCH_PARAMS.includes(k));
  if (unknown !== undefined)
    return refuse(
      422,
      `Unknown param ${JSON.stringify(unknown).slice(0, 40)}: context_store_search takes ${STORE_SEARCH_PARAMS.join(', ')}`,
      problem(`params.${unknown}`, 'Unknown param', 'unknown_param', { allowed: STORE_SEARCH_PARAMS }),
    );
  const query = params.query ?? {};
  if (typeof query !== 'object' || query === null || Array.isArray(query))
    return refuse(
      400,
      'params.query is an object {filter, sort}',
      problem('params.query', 'params.query is an object {filter, sort}', 'type_error'),
    );
  const limit = params.limit ?? SEARCH_LIMIT.default;
  if (!Number.isInteger(limit) || (limit as number) < 1 || (limit as number) > SEARCH_LIMIT.max)
    return refuse(
      422,
      `params.limit must be an integer from 1 to ${SEARCH_LIMIT.max}`,
      problem('params.limit', `must be an integer from 1 to ${SEARCH_LIMIT.max}`, 'value_error'),
    );
  return undefined;
}

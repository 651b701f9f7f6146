// The proxy's check of a request, before it goes on: the operation it names (HEAD as its GET; a preflight is the
// browser's and names none), its parameters and body as the mock checks them (limits, request validator), a bearer
// token where the operation takes one and, for execute, its entity, action and params against the connector's
// definition, which may first have to be learned (ConnectorDirectory). Problems are JSON pointers and lines.
import { checkExecuteRequest } from '../execute/request-check.js';
import { MockHttpError, type FieldProblem } from '../pipeline/errors.js';
import { MAX_BODY_BYTES, checkedBodyText } from '../pipeline/limits.js';
import type { MockRequest } from '../pipeline/request.js';
import { unroutablePath, type RouteMatch } from '../pipeline/route.js';
import type { MockOperation } from '../pipeline/spec-operations.js';
import { readValidatedRequest } from '../pipeline/validate-request.js';
import type { ResponseViolation } from '../pipeline/validate-response.js';
import type { SpecName } from '../spec.js';
import { specChecks, type AnswerToCheck } from './answer-check.js';
import type { ConnectorDirectory } from './connectors.js';

const EXECUTE = 'create_integrations_connectors_id_execute';

export interface ProxiedRequest {
  api: SpecName;
  method: string;
  path: string;
  query: string;
  /** Lower-case names, the hop-by-hop ones left out. */
  headers: Record<string, string>;
  body: Buffer | undefined;
  /** False when the body was over the limit and streams on unread (then unchecked). */
  whole: boolean;
  origin: string;
}

export interface CheckedRequest {
  match: RouteMatch | undefined;
  operation: MockOperation | undefined;
  /** The operation's id, or one name for every path of no operation (the report cannot grow with random paths). */
  operationName: string;
  /**
   * Every problem found. The execute check adds its own once `execute` settles: read them after awaiting it.
   */
  problems: ResponseViolation[];
  /** For an execute whose connector is known and whose params hold: what its answer is checked against. */
  execute: Promise<AnswerToCheck['execute']>;
}

/** Problems of the request as violations' pointers and lines. */
function fromFieldProblems(problems: FieldProblem[]): ResponseViolation[] {
  return problems.map((p) => ({
    pointer: p.pointer ?? (p.field ? `/${p.field.replace(/\./g, '/')}` : ''),
    message: p.report ?? p.message,
  }));
}

export function checkRequest(
  request: ProxiedRequest,
  { directory, warn }: { directory: ConnectorDirectory; warn: (line: string) => void },
): CheckedRequest {
  const { api, method, path, headers } = request;
  const { routes, validators } = specChecks();
  let match: RouteMatch | undefined;
  if (method !== 'OPTIONS' && !unroutablePath(path)) {
    try {
      // HEAD is the GET without its body (RFC 9110): checked as that operation.
      match = routes.match(method === 'HEAD' ? 'GET' : method, path);
    } catch {
      match = undefined; // a malformed percent-escape: no operation
    }
  }
  const operation = match?.operation;
  const operationName = operation?.operationId ?? `${method} (no operation of the spec)`;
  const problems: ResponseViolation[] = [];
  const unchecked: CheckedRequest = { match, operation, operationName, problems, execute: Promise.resolve(undefined) };
  if (method === 'OPTIONS') return unchecked;
  if (!operation || !match) {
    problems.push({
      pointer: '/path',
      message: `expected a method and path of the spec, got ${method} ${path.slice(0, 120)}`,
    });
    return unchecked;
  }
  const mockRequest: MockRequest = { ...request, body: request.body };
  let parsedBody: unknown;
  try {
    if (!request.whole) throw new MockHttpError(413, 'over the limit');
    const bodyText = checkedBodyText(operation, mockRequest);
    const read = readValidatedRequest(validators[api], operation, mockRequest, match.params, bodyText);
    problems.push(...fromFieldProblems(read.problems));
    parsedBody = read.body;
  } catch (error) {
    if (!(error instanceof MockHttpError)) throw error;
    if (error.status === 413)
      warn(`proxy: ${operation.operationId}: a request body over ${MAX_BODY_BYTES} bytes passes on unchecked`);
    else
      problems.push(
        ...(error.errors.length > 0 ? fromFieldProblems(error.errors) : [{ pointer: '/body', message: error.message }]),
      );
  }
  if (!operation.public && !/^bearer\s+\S/i.test(headers.authorization ?? ''))
    problems.push({ pointer: '/headers/authorization', message: 'expected a bearer token, got none' });
  if (operation.operationId !== EXECUTE || !parsedBody || typeof parsedBody !== 'object') return unchecked;

  // Execute: against the connector's definition, asked of the upstream with the caller's own credentials if need be.
  const connectorId = String(match.params.id);
  const asked = {
    authorization: headers.authorization ?? '',
    ...(headers['x-organization-id'] ? { 'x-organization-id': headers['x-organization-id'] } : {}),
  };
  const execute = directory.find(connectorId, asked).then((known): AnswerToCheck['execute'] => {
    if (!known) {
      // Said once per connector: its executes are then held to the HTTP spec alone.
      if (directory.firstTimeUnknown(connectorId))
        warn(
          `proxy: connector ${connectorId.slice(0, 64)}: which connector definition it runs is unknown (the upstream did not say); its executes are checked against the spec only`,
        );
      return undefined;
    }
    const checked = checkExecuteRequest(known.definition, parsedBody as never, known.replicationConfig);
    if (checked.ok)
      return {
        definitionId: known.definition.definitionId,
        replicationConfig: known.replicationConfig,
        request: parsedBody,
      };
    problems.push(
      ...fromFieldProblems(checked.problems.map((p) => ({ ...p, pointer: `/body/${p.field.replace(/\./g, '/')}` }))),
    );
    return undefined;
  });
  return { ...unchecked, execute };
}

// The check of one answer the proxy passed on, from its bytes: parsed as JSON where it is JSON, then held to the
// operation's documented statuses, media types and schema (the mock's response validator) and, for execute, to the
// connector's definition (every record, the paging keys). A pure function of plain data, so that it runs in the
// proxy's thread or in a worker beside it alike (answer-worker.ts).
import { connectorDefinition } from '../connectors/definitions.js';
import { executeAnswerViolations } from '../execute/answer-check.js';
import { decodedContent } from '../har/content-encoding.js';
import { isJsonMediaType } from '../../src/validation/media-type.js';
import type { Row } from '../execute/query.js';
import { checkExecuteRequest } from '../execute/request-check.js';
import { RouteTable } from '../pipeline/route.js';
import type { MockOperation } from '../pipeline/spec-operations.js';
import { responseViolations, type ResponseViolation } from '../pipeline/validate-response.js';
import { SpecValidator, type SpecName } from '../spec.js';

/** JSON answers up to this size are checked (and recorded); a larger one passes on unchecked, said in a line. */
export const MAX_CHECKED_ANSWER_BYTES = 64 * 1024 * 1024;

export interface AnswerToCheck {
  api: SpecName;
  operationId: string;
  status: number;
  /** Lower case, without parameters; undefined when the answer named none. */
  mediaType: string | undefined;
  /** The Content-Encoding the bytes came in (gzip, deflate, br), decoded here for the check only. */
  encoding: string | undefined;
  /** The body as received; undefined when it was not kept (none, or not JSON). */
  bytes: Uint8Array | undefined;
  size: number;
  /** For execute: which connector ran it, its settings as known, and the request body. */
  execute?: { definitionId: string; replicationConfig: Row | 'unknown'; request: unknown };
}

export interface CheckedAnswer {
  problems: ResponseViolation[];
  /** Why the body was not checked (a coding the check does not decode, a body too large once decoded). */
  unchecked?: string;
  /** The parsed body, when asked for (what the proxy learns connectors from). */
  body?: unknown;
}

let shared:
  | { validators: Record<SpecName, SpecValidator>; routes: RouteTable; operations: Map<string, MockOperation> }
  | undefined;

/** The specs' validators, route table and operations, compiled once per thread. */
export function specChecks() {
  if (!shared) {
    const routes = new RouteTable();
    const operations = new Map(routes.operations.map((op) => [`${op.api} ${op.operationId}`, op]));
    shared = {
      routes,
      validators: {
        'agent-engine': new SpecValidator('agent-engine'),
        'airbyte-api-v1': new SpecValidator('airbyte-api-v1'),
      },
      operations,
    };
  }
  return shared;
}

/** The codings a body may come in that the check decodes (mocks/har/content-encoding.ts); others pass unchecked. */
const DECODED_CODINGS = new Set(['gzip', 'x-gzip', 'deflate', 'br', 'identity']);

const UTF8 = new TextDecoder();

export function checkAnswer(input: AnswerToCheck, keepBody = false): CheckedAnswer {
  const { validators, operations } = specChecks();
  const operation = operations.get(`${input.api} ${input.operationId}`);
  if (!operation) return { problems: [] };
  const json = isJsonMediaType(input.mediaType);
  let body: unknown;
  if (json && input.size > 0 && input.bytes) {
    const codings = (input.encoding ?? '')
      .split(',')
      .map((c) => c.trim().toLowerCase())
      .filter(Boolean);
    const unknown = codings.find((coding) => !DECODED_CODINGS.has(coding));
    if (unknown) return { problems: [], unchecked: `its Content-Encoding ${unknown.slice(0, 20)} is not decoded here` };
    const bytes =
      codings.length > 0 ? decodedContent(input.bytes, input.encoding!, MAX_CHECKED_ANSWER_BYTES) : input.bytes;
    if (bytes === 'too large')
      return { problems: [], unchecked: `it decodes to over ${MAX_CHECKED_ANSWER_BYTES} bytes` };
    try {
      body = JSON.parse(UTF8.decode(bytes));
    } catch {
      return {
        problems: [
          { pointer: '/body', message: `expected JSON (${input.mediaType}), got a body that does not parse as JSON` },
        ],
      };
    }
  }
  const problems = responseViolations(validators[input.api], operation, input.status, input.mediaType, body, {
    hasBody: input.size > 0,
  });
  if (input.execute && input.status === 200 && json) {
    const definition = connectorDefinition(input.execute.definitionId);
    const checked =
      definition && checkExecuteRequest(definition, input.execute.request as never, input.execute.replicationConfig);
    if (checked?.ok) problems.push(...executeAnswerViolations(checked, body));
  }
  return keepBody ? { problems, body } : { problems };
}

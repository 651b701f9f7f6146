// The one error form of the mock: an operation or a stage throws MockHttpError (or returns an error status), and
// errorAnswer writes it in its API's own shape: the Agent Engine's ApiErrorResponse, the v1 API's RFC 9457 problem
// JSON. Nothing else in the mock writes an error body.
import type { SpecName } from '../spec.js';
import { jsonAnswer, type MockAnswer } from './request.js';

export interface FieldProblem {
  field: string | null;
  message: string;
  error_code: string;
  details?: Record<string, unknown> | null;
  /** Where in the request, as a JSON pointer (`/query/limit`, `/body/workspace_name`): for reports, never answered. */
  pointer?: string;
  /** What was expected and what came, for reports (the value only as a typed hint): never answered. */
  report?: string;
}

const TITLES: Record<number, string> = {
  400: 'bad-request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'resource-not-found',
  413: 'payload-too-large',
  415: 'unsupported-media-type',
  422: 'unprocessable-entity',
  429: 'rate-limit-exceeded',
  500: 'internal-server-error',
  503: 'service-unavailable',
};

/** The API a path belongs to: each answers in its own error shape (problem JSON on /v1). */
export const apiOf = (path: string): SpecName =>
  path.startsWith('/v1/') || path === '/v1' ? 'airbyte-api-v1' : 'agent-engine';

/** An error's body in the API's own shape, and its media type. */
export function errorBody(
  api: SpecName,
  status: number,
  message: string,
  errors: FieldProblem[] = [],
): { mediaType: string; body: unknown } {
  if (api === 'airbyte-api-v1') {
    const title = TITLES[status] ?? 'error';
    const body = {
      status,
      type: `https://reference.airbyte.com/reference/errors#${title}`,
      title,
      detail: message,
      ...(errors.length > 0 ? { data: { errors } } : {}),
    };
    return { mediaType: 'application/problem+json', body };
  }
  return {
    mediaType: 'application/json',
    body: {
      message,
      errors: errors.map((e) => ({
        field: e.field,
        message: e.message,
        error_code: e.error_code,
        details: e.details ?? null,
      })),
    },
  };
}

/** An error answer in the API's own shape. */
export function errorAnswer(
  api: SpecName,
  status: number,
  message: string,
  errors: FieldProblem[] = [],
  headers: Record<string, string> = {},
): MockAnswer {
  const { mediaType, body } = errorBody(api, status, message, errors);
  return jsonAnswer(status, body, headers, mediaType);
}

/** An error an operation or a stage throws; the pipeline answers it in its API's shape. */
export class MockHttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly errors: FieldProblem[] = [],
    /** For 429 and 503: the Retry-After to send (1 s unless said otherwise). */
    readonly retryAfterSeconds?: number,
    /** Headers to answer with besides the error's own. */
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }

  /** The headers this error is answered with (Retry-After on a 429 or 503). */
  answerHeaders(): Record<string, string> {
    const retry: Record<string, string> =
      this.status === 429 || this.status === 503 ? { 'retry-after': String(this.retryAfterSeconds ?? 1) } : {};
    return { ...retry, ...this.headers };
  }

  /** This error as its API answers it. */
  answer(api: SpecName): MockAnswer {
    return errorAnswer(api, this.status, this.message, this.errors, this.answerHeaders());
  }
}

/** The request's connection is closed without an answer (a simulated network failure). */
export class DroppedConnection extends Error {
  constructor() {
    super('The mock dropped the connection (simulated).');
  }
}

export const notFound = (what: string) => new MockHttpError(404, `${what} not found.`);
export const forbidden = (why: string) => new MockHttpError(403, why);
export const unprocessable = (message: string, errors: FieldProblem[] = []) => new MockHttpError(422, message, errors);

/**
 * The answer to what went wrong with a request: an HTTP error in its API's shape, or for anything else (a bug of the
 * mock) a 500 that says nothing of the request, with the error logged where the mock's operator sees it.
 */
export function failureAnswer(api: SpecName, error: unknown): MockAnswer {
  if (error instanceof MockHttpError) return error.answer(api);
  console.error(error);
  return errorAnswer(api, 500, "Mock failure: an internal error (see the mock's log).");
}

/** As the real API's gateway does: an id on every answer, which the client's errors carry. */
export function withRequestId(answer: MockAnswer): MockAnswer {
  answer.headers['x-request-id'] = crypto.randomUUID();
  return answer;
}

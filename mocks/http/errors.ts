// Error responses in each API's own shape: the Agent Engine's ApiErrorResponse, the v1 API's RFC 9457 problem JSON.
import type { SpecName } from '../spec.js';

export interface FieldProblem {
  field: string | null;
  message: string;
  error_code: string;
  details?: Record<string, unknown> | null;
}

const TITLES: Record<number, string> = {
  400: 'bad-request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'resource-not-found',
  413: 'payload-too-large',
  422: 'unprocessable-entity',
  429: 'rate-limit-exceeded',
  500: 'internal-server-error',
  503: 'service-unavailable',
};

export function errorResponse(
  api: SpecName,
  status: number,
  message: string,
  errors: FieldProblem[] = [],
  headers: Record<string, string> = {},
): Response {
  if (api === 'airbyte-api-v1') {
    const title = TITLES[status] ?? 'error';
    const body = {
      status,
      type: `https://reference.airbyte.com/reference/errors#${title}`,
      title,
      detail: message,
      ...(errors.length > 0 ? { data: { errors } } : {}),
    };
    return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/problem+json', ...headers } });
  }
  const body = { message, errors: errors.map((e) => ({ field: e.field, message: e.message, error_code: e.error_code, details: e.details ?? null })) };
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });
}

/** An error the handlers throw; the pipeline turns it into the API's error response. */
export class MockHttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly errors: FieldProblem[] = [],
    /** For 429 and 503: the Retry-After to send (1 s unless said otherwise). */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
  }
}

export const notFound = (what: string) => new MockHttpError(404, `${what} not found.`);
export const forbidden = (why: string) => new MockHttpError(403, why);
export const unprocessable = (message: string, errors: FieldProblem[] = []) => new MockHttpError(422, message, errors);

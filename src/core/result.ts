// From openapi-fetch's `{data, error, response}` to data or a typed error.
import { UnexpectedResponseError, errorFromResponse } from './errors.js';
import { displayUrl, type Redactor } from './redact.js';
import { retryAfterMs } from './retry.js';

const REQUEST_ID_HEADERS = ['x-request-id', 'request-id', 'x-amzn-requestid', 'x-correlation-id'];

export function requestIdOf(response: Response): string | undefined {
  for (const name of REQUEST_ID_HEADERS) {
    const value = response.headers.get(name);
    if (value) return value;
  }
  return undefined;
}

export interface FetchResult<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

/**
 * True when a 2xx body lacks what a helper reads of it. `need` is a dotted path (`access_token`,
 * `source_template.source_definition_id`) to a string, except `data`, every list's items, which must be an array.
 */
const lacks = (data: unknown, need: string) => {
  let value: any = data;
  for (const key of need.split('.')) value = value?.[key];
  return need === 'data' ? !Array.isArray(value) : typeof value !== 'string';
};

/**
 * The data of a successful response; for an error response, the typed error with its body redacted. `need` names
 * what the calling helper reads of a 2xx body: without it the call fails with an UnexpectedResponseError rather than
 * a TypeError further on.
 */
export function unwrap<T>(result: FetchResult<T>, method: string, redactor: Redactor, need?: string): T {
  const { response } = result;
  if (response.ok && !(need && lacks(result.data, need))) return result.data as T;
  const asked = retryAfterMs(response.headers);
  const context = {
    status: response.status,
    body: redactor.value(response.ok ? result.data : result.error),
    requestId: requestIdOf(response),
    method,
    url: redactor.text(displayUrl(response.url)),
  };
  if (response.ok)
    throw new UnexpectedResponseError(
      `${method} ${context.url} answered ${response.status} without \`${need}\``,
      context,
    );
  throw errorFromResponse(context, asked === undefined ? undefined : Math.ceil(asked / 1000));
}

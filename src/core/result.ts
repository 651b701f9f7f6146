// From openapi-fetch's `{data, error, response}` to data or a typed error.
import { errorFromResponse } from './errors.js';
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

/** The data of a successful response; for an error response, the typed error with its body redacted. */
export function unwrap<T>(result: FetchResult<T>, method: string, redactor: Redactor): T {
  const { response } = result;
  if (response.ok) return result.data as T;
  const asked = retryAfterMs(response.headers);
  throw errorFromResponse(
    {
      status: response.status,
      body: redactor.value(result.error),
      requestId: requestIdOf(response),
      method,
      url: redactor.text(displayUrl(response.url)),
    },
    asked === undefined ? undefined : Math.ceil(asked / 1000),
  );
}

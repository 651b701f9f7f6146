// What every resource module needs: the typed openapi-fetch client, and how to turn its results into data or errors.
import type { Client } from 'openapi-fetch';
import { unwrap, type FetchResult } from './result.js';
import type { Redactor } from './redact.js';
import type { CallOptions, Logger, Transport } from './transport.js';

/**
 * openapi-fetch options for one `raw` call, from `client.callOptions(...)`: spread them into the call's options to give
 * it the client's token, retries and typed errors with settings of its own. A `signal` given beside them aborts the
 * call too. (A type literal, not an interface: openapi-fetch takes options with an index signature.)
 */
export type RawCallOptions = {
  /** The client's transport with this call's settings. */
  fetch: Transport;
  /** Aborts the call's first attempt on the call's timeout or signal. */
  signal?: AbortSignal;
};

export interface ResourceContext<Paths extends {}> {
  raw: Client<Paths, 'application/json'>;
  baseUrl: string;
  redactor: Redactor;
  logger?: Logger | undefined;
  /** openapi-fetch options for one call: a transport of its own (with the call's settings) and its signal. */
  init(options?: CallOptions): RawCallOptions;
  /** The same for a caller's raw call, whose own `signal` (beside these options) counts as well. */
  rawInit(options?: CallOptions): RawCallOptions;
}

/** The data of a call, or its typed error; `need` is what the helper reads of a 2xx body (see `unwrap`). */
export async function call<T>(
  context: { redactor: Redactor },
  method: string,
  pending: Promise<FetchResult<T>>,
  need?: string,
): Promise<T> {
  return unwrap(await pending, method, context.redactor, need);
}

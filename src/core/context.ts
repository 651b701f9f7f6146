// What every resource module needs: the typed openapi-fetch client, and how to turn its results into data or errors.
import type { Client } from 'openapi-fetch';
import { unwrap, type FetchResult } from './result.js';
import type { Redactor } from './redact.js';
import type { CallOptions, Logger, Transport } from './transport.js';

export interface ResourceContext<Paths extends {}> {
  raw: Client<Paths, 'application/json'>;
  baseUrl: string;
  redactor: Redactor;
  logger?: Logger | undefined;
  /** openapi-fetch options for one call: a transport of its own (with the call's settings) and its signal. */
  init(options?: CallOptions): { fetch: Transport; signal?: AbortSignal };
}

export async function call<T>(context: { redactor: Redactor }, method: string, pending: Promise<FetchResult<T>>): Promise<T> {
  return unwrap(await pending, method, context.redactor);
}

// What both clients are built from: resolved options, one redactor, and resource contexts over a transport with or
// without a token source.
import { createOpenapiClient } from './openapi-client.js';
import { hasCallOptions, type ResourceContext } from './context.js';
import type { ResolvedOptions } from './options.js';
import { Redactor } from './redact.js';
import { createTransport, type TokenSource, type TransportSettings } from './transport.js';

export function createClientBase<Paths extends {}>(resolved: ResolvedOptions, dynamicHeaders?: () => Record<string, string>) {
  const redactor = new Redactor();
  redactor.add(resolved.clientSecret);
  const baseSettings: TransportSettings = {
    fetch: resolved.fetch,
    maxRetries: resolved.maxRetries,
    timeoutMs: resolved.timeoutMs,
    redactor,
    logger: resolved.logger,
    ...(dynamicHeaders ? { dynamicHeaders } : {}),
  };
  /** A resource context whose requests carry tokens from `tokens`, or none (the token endpoints). */
  const contextFor = (tokens?: TokenSource): ResourceContext<Paths> => {
    const settings: TransportSettings = { ...baseSettings, tokens };
    return {
      raw: createOpenapiClient<Paths, 'application/json'>({ baseUrl: resolved.baseUrl, headers: resolved.headers, fetch: createTransport(settings) }),
      baseUrl: resolved.baseUrl,
      redactor,
      init: (callOptions) => (hasCallOptions(callOptions) ? { fetch: createTransport(settings, callOptions) } : {}),
    };
  };
  return { redactor, contextFor };
}

// What both clients are built from: resolved options, one redactor, and resource contexts over a transport with or
// without a token source.
import type { Middleware } from 'openapi-fetch';
import { createOpenapiClient } from './openapi-client.js';
import type { ResourceContext } from './context.js';
import type { ResolvedOptions } from './options.js';
import { Redactor } from './redact.js';
import { createCallTransport, createTransport, type TokenSource, type TransportSettings } from './transport.js';

/**
 * The response validator, loaded on the first response: the specs and ajv stay out of clients that never turn
 * validation on (a chunk of its own in the ESM build).
 */
function lazyResponseValidation(redact: (text: string) => string): Middleware {
  let validator: Promise<Middleware> | undefined;
  return {
    async onResponse(params) {
      validator ??= import('../validation/index.js').then((module) => module.createResponseValidator({ redact }));
      return (await validator).onResponse!(params);
    },
  };
}

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
  let validation: Middleware | undefined;
  /** A resource context whose requests carry tokens from `tokens`, or none (the token endpoints). */
  const contextFor = (tokens?: TokenSource): ResourceContext<Paths> => {
    const settings: TransportSettings = { ...baseSettings, tokens };
    const raw = createOpenapiClient<Paths, 'application/json'>({ baseUrl: resolved.baseUrl, headers: resolved.headers, fetch: createTransport(settings) });
    if (resolved.validateResponses) raw.use(validation ??= lazyResponseValidation((text) => redactor.text(text)));
    return {
      raw,
      baseUrl: resolved.baseUrl,
      redactor,
      logger: resolved.logger,
      init: (callOptions) => createCallTransport(settings, callOptions),
    };
  };
  return { redactor, contextFor };
}

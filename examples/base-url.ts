// Where the examples send requests when run as scripts, checked first: when nothing answers there, one line says so
// and how to start the mock, instead of a stack after the client's retries.
import { ConnectionError, createAgentEngineClient } from '../src/index.js';

/** AIRBYTE_API_HOST when set, else the mock of `npm start` on 127.0.0.1:$PORT (4010 unless PORT is set). */
function exampleBaseUrl(): string {
  return process.env.AIRBYTE_API_HOST ?? `http://127.0.0.1:${process.env.PORT ?? 4010}`;
}

/** The line printed when nothing answers at `baseUrl`: what is wrong, and what to do about it. */
function nothingAnswersHint(baseUrl: string): string {
  if (process.env.AIRBYTE_API_HOST !== undefined) {
    return `nothing answers at ${baseUrl} (from AIRBYTE_API_HOST): check that URL, or unset it to use the mock that \`npm start\` runs`;
  }
  return `the mock is not running at ${baseUrl}: start it with \`npm start\` in another terminal (the examples read PORT, default 4010, or AIRBYTE_API_HOST for another base URL)`;
}

/**
 * `exampleBaseUrl()`, once something answers there; otherwise the hint on stderr and exit code 1. The check is one
 * token request without retries, so that a server that is not there is reported at once rather than after the
 * client's backoff. Any answer to it, a refusal included, shows that something is listening: the example then goes
 * on and meets that answer itself, with its own token.
 */
export async function reachableBaseUrl(): Promise<string> {
  const baseUrl = exampleBaseUrl();
  const probe = createAgentEngineClient({
    baseUrl,
    clientId: process.env.AIRBYTE_CLIENT_ID ?? 'demo-client-id',
    clientSecret: process.env.AIRBYTE_CLIENT_SECRET ?? 'demo-client-secret',
    maxRetries: 0,
  });
  try {
    await probe.tokens.application();
  } catch (error) {
    if (error instanceof ConnectionError) {
      console.error(nothingAnswersHint(baseUrl));
      process.exit(1);
    }
  }
  return baseUrl;
}

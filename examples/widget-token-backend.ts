// A backend endpoint that mints a widget token for the browser. The browser never sees the client secret or an
// application token: it asks your backend, your backend checks who is signed in, mints a widget token confined to
// that customer's workspace and to your web app's origin, and hands only that token back.
//
//   npm start                                      (the mock, in one terminal)
//   npx tsx examples/widget-token-backend.ts       (this backend on 127.0.0.1:3001)
//   curl -s -X POST http://127.0.0.1:3001/api/airbyte/widget-token -H 'x-demo-user: acme'
//
// Against the real API, set AIRBYTE_CLIENT_ID, AIRBYTE_CLIENT_SECRET (and AIRBYTE_API_HOST=https://api.airbyte.ai).
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import {
  AgentEngineError,
  AuthenticationError,
  RateLimitError,
  createAgentEngineClient,
  type AgentEngineClient,
} from '../src/index.js';
import { reachableBaseUrl } from './base-url.js';

export interface WidgetBackendOptions {
  client: AgentEngineClient;
  /** The origin of your web app: the only origin the widget token will work from, and the one this endpoint serves. */
  appOrigin: string;
  /**
   * Who is signed in, from your own session. The demo trusts an `x-demo-user` header; a real backend reads its
   * session cookie or verifies its own JWT here.
   */
  currentUser?: (request: IncomingMessage) => string | undefined;
}

const demoUser = (request: IncomingMessage) => {
  const user = request.headers['x-demo-user'];
  return typeof user === 'string' && /^[\w-]{1,64}$/.test(user) ? user : undefined;
};

function send(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  response.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store', ...headers });
  response.end(JSON.stringify(body));
}

/** The request handler: `POST /api/airbyte/widget-token` for the signed-in user, CORS for `appOrigin` only. */
export function widgetTokenHandler({ client, appOrigin, currentUser = demoUser }: WidgetBackendOptions) {
  const cors = { 'access-control-allow-origin': appOrigin, vary: 'Origin' };
  return async (request: IncomingMessage, response: ServerResponse) => {
    const { pathname } = new URL(request.url ?? '/', 'http://backend.invalid');
    if (pathname !== '/api/airbyte/widget-token') return send(response, 404, { error: 'not found' });
    if (request.method === 'OPTIONS') {
      response.writeHead(204, {
        ...cors,
        'access-control-allow-methods': 'POST',
        'access-control-allow-headers': 'content-type, x-demo-user',
        'access-control-max-age': '600',
      });
      return response.end();
    }
    if (request.method !== 'POST') return send(response, 405, { error: 'use POST' }, { allow: 'POST, OPTIONS' });
    const user = currentUser(request);
    if (!user) return send(response, 401, { error: 'sign in first' }, cors);
    try {
      // One workspace per customer: the widget only ever sees this customer's connectors.
      const { token } = await client.tokens.widget({ workspace_name: `customer-${user}`, allowed_origin: appOrigin });
      return send(response, 200, { token }, cors);
    } catch (error) {
      // The kit's errors carry no secrets; still, the browser only needs to know whether to retry.
      if (error instanceof RateLimitError)
        return send(
          response,
          503,
          { error: 'busy, try again shortly' },
          { ...cors, 'retry-after': String(error.retryAfter ?? 1) },
        );
      if (error instanceof AuthenticationError)
        console.error(`widget token: the backend's Airbyte credentials were refused: ${error.message}`);
      else if (error instanceof AgentEngineError)
        console.error(`widget token: ${error.name} ${error.status ?? ''} ${error.message}`);
      else throw error;
      return send(response, 502, { error: 'could not get a widget token' }, cors);
    }
  };
}

export async function startWidgetBackend(
  options: WidgetBackendOptions & { port?: number },
): Promise<{ server: Server; url: string; close: () => Promise<void> }> {
  const server = createServer(widgetTokenHandler(options));
  await new Promise<void>((resolve) => server.listen(options.port ?? 3001, '127.0.0.1', resolve));
  const address = server.address();
  const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : options.port}`;
  return { server, url, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const client = createAgentEngineClient({
    baseUrl: await reachableBaseUrl(),
    clientId: process.env.AIRBYTE_CLIENT_ID ?? 'demo-client-id',
    clientSecret: process.env.AIRBYTE_CLIENT_SECRET ?? 'demo-client-secret',
  });
  const backend = await startWidgetBackend({
    client,
    appOrigin: process.env.APP_ORIGIN ?? 'http://localhost:5173',
    port: Number(process.env.BACKEND_PORT ?? 3001),
  });
  console.log(`widget token backend on ${backend.url}`);
  console.log(`  curl -s -X POST ${backend.url}/api/airbyte/widget-token -H 'x-demo-user: acme'`);
  if (process.env.EXAMPLE_ONCE) {
    // One request against itself, then stop (how CI runs the example).
    const answer = await fetch(`${backend.url}/api/airbyte/widget-token`, {
      method: 'POST',
      headers: { 'x-demo-user': 'acme' },
    });
    const { token } = (await answer.json()) as { token: string };
    const { widgetUrl } = JSON.parse(Buffer.from(token, 'base64').toString('utf8')) as { widgetUrl: string };
    console.log(`${answer.status} widget for workspace ${new URL(widgetUrl).searchParams.get('workspaceId')}`);
    await backend.close();
  }
}

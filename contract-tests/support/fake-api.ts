// A scripted stand-in for the API, as a fetch function: it records every request and answers from a handler.
// Tokens it mints are JWT-shaped with a real `exp`, like the service's.

export interface RecordedRequest {
  method: string;
  url: URL;
  path: string;
  headers: Headers;
  body: any;
  signal: AbortSignal;
}

export type Handler = (request: RecordedRequest, index: number) => Response | Promise<Response>;

export const CLIENT_ID = 'client-id-0f3a9c2e';
export const CLIENT_SECRET = 'sk_test_SuperSecretValue_7d1e4b9a';

export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });
}

export function jwt(claims: Record<string, unknown>): string {
  const encode = (value: unknown) =>
    btoa(JSON.stringify(value)).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');
  return `${encode({ alg: 'HS256', typ: 'JWT' })}.${encode(claims)}.c2lnbmF0dXJlLW5vdC1jaGVja2Vk`;
}

let minted = 0;
/** An application-token response; the JWT's `exp` matches `expires_in` unless told otherwise. */
export function applicationToken(
  options: { expiresIn?: number; expSeconds?: number; organizationId?: string | null } = {},
) {
  const expiresIn = options.expiresIn ?? 900;
  minted += 1;
  const access_token = jwt({
    sub: CLIENT_ID,
    n: minted,
    exp: Math.floor(Date.now() / 1000) + (options.expSeconds ?? expiresIn),
  });
  return {
    access_token,
    token_type: 'bearer',
    expires_in: expiresIn,
    organization_id:
      options.organizationId === undefined ? '4f7c2b1e-8d3a-4c5f-9b6e-2a1d0c9e8f7a' : options.organizationId,
  };
}

export function scopedToken(workspace: string, lifetimeSeconds = 1200) {
  minted += 1;
  return { token: jwt({ workspace, n: minted, exp: Math.floor(Date.now() / 1000) + lifetimeSeconds }) };
}

export const TOKEN_PATH = '/api/v1/account/applications/token';

/**
 * A fake API: token requests are answered with a fresh application token (unless `tokens` says otherwise), every
 * other request by `handler`.
 */
export function fakeApi(handler: Handler, tokens: Handler = () => json(applicationToken())) {
  const requests: RecordedRequest[] = [];
  const fetch = async (input: Request | string | URL, init?: RequestInit): Promise<Response> => {
    const request = input instanceof Request ? input : new Request(input, init);
    const text = request.body ? await request.text() : '';
    const url = new URL(request.url);
    const recorded: RecordedRequest = {
      method: request.method,
      url,
      path: url.pathname,
      headers: request.headers,
      body: text ? JSON.parse(text) : undefined,
      signal: request.signal,
    };
    requests.push(recorded);
    if (recorded.path === TOKEN_PATH) return tokens(recorded, requests.filter((r) => r.path === TOKEN_PATH).length - 1);
    return handler(recorded, requests.filter((r) => r.path !== TOKEN_PATH).length - 1);
  };
  return {
    fetch: fetch as typeof globalThis.fetch,
    requests,
    tokenRequests: () => requests.filter((r) => r.path === TOKEN_PATH),
    apiRequests: () => requests.filter((r) => r.path !== TOKEN_PATH),
  };
}

/** A fetch that never answers until its signal aborts, as a hung server would. */
export function hangingFetch(): typeof globalThis.fetch {
  return ((input: Request) =>
    new Promise<Response>((_resolve, reject) => {
      input.signal.addEventListener('abort', () => reject(input.signal.reason), { once: true });
    })) as typeof globalThis.fetch;
}

export const DEFINITIONS = {
  definitions: [
    {
      sourceDefinitionId: 'ef69ef6e-aa7f-4af1-a01d-ef775033524e',
      name: 'GitHub',
      iconUrl: null,
      supportLevel: 'certified',
    },
  ],
};

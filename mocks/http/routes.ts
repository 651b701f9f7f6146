// Routing shared by the adapters that answer without MSW's interception (node:http, the fetch function): which handlers
// can answer a request, decided once per handler, and the answer when none can.
import type { HttpHandler } from 'msw';
import { errorResponse } from './errors.js';
import type { SpecName } from '../spec.js';

/**
 * Which handlers can answer a request, by method and path, decided once per handler instead of MSW matching every
 * handler's path on every request; MSW then handles the request with just those.
 */
export function routeTable(handlers: HttpHandler[]) {
  const routes = handlers.map((handler) => {
    const { method, path } = handler.info as { method: string | RegExp; path: string | RegExp };
    if (typeof path !== 'string' || typeof method !== 'string') return { handler, method: undefined, pattern: undefined };
    const source = path
      .replace(/^\*/, '')
      .split('/')
      .map((part) => (part === '*' ? '.*' : part.startsWith(':') ? '[^/]+' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
      .join('/');
    return { handler, method: method.toUpperCase(), pattern: new RegExp(`${path.startsWith('*') ? '' : '^'}${source}/?$`) };
  });
  return (method: string, pathname: string) =>
    routes.filter((r) => !r.pattern || ((r.method === method || r.method === 'ALL') && r.pattern.test(pathname))).map((r) => r.handler);
}

/** The API a path belongs to: each answers in its own error shape (problem JSON on /v1). */
export const apiOf = (path: string): SpecName => (path.startsWith('/v1/') || path === '/v1' ? 'airbyte-api-v1' : 'agent-engine');

/** The 404 of a path no operation has, in its API's error shape, naming what the mock serves (not the path). */
export const notFound = (path: string) =>
  errorResponse(apiOf(path), 404, 'No operation at this path. The mock serves /api/v1/... (Agent Engine) and /v1/... (Airbyte API).', [], { 'x-request-id': crypto.randomUUID() });

/** Why a path cannot be routed (a malformed percent-escape), or undefined when it can. */
export function unroutablePath(pathname: string): string | undefined {
  try {
    decodeURIComponent(pathname);
    return undefined;
  } catch {
    return 'The request path holds a malformed percent-escape.';
  }
}

// Paging: the workspace list's `next` links, and the shape of a paging of one's own for an execute `list` (the
// connectors' own rules and the page loop are in execute-paging.ts, loaded when an execute is paged).
import { AgentEngineError } from './errors.js';

/**
 * A paging of your own for executePages, in place of the connector's definition: the params that ask for the page
 * after one answer (merged over the request's own params), or undefined after the last page.
 */
export interface PagingStyle {
  /** A name for this paging, for your own logs (the kit does not read it). */
  name: string;
  /**
   * The params of the page after this one (merged over the request's own), or undefined after the last page.
   * @param metadata The page's `connector_metadata`.
   * @param result The page's `result`.
   */
  next(metadata: Record<string, unknown>, result: unknown): Record<string, unknown> | undefined;
}

/**
 * The API's own public hosts: a link to one of them is the API's even when the client is pointed elsewhere (a proxy
 * such as `agent-engine-kit proxy`, which passes answers on unchanged). Only the link's query is used, against the
 * client's base URL, so nothing goes to the link's host.
 */
const API_HOSTS = ['api.airbyte.ai', 'api.airbyte.com'];
// (Hosts, not origins: only the link's query is used, so its scheme does not matter.)

/**
 * The query of the next workspace page from its `next` URL, refusing a link that leaves the API's host: the token
 * would go with it.
 */
export function nextPageQuery(next: string, baseUrl: string): Record<string, string> {
  const target = new URL(next, baseUrl);
  if (![new URL(baseUrl).host, ...API_HOSTS].includes(target.host)) {
    throw new AgentEngineError(`Refusing to follow a pagination link to ${target.origin}, not the API's host`);
  }
  return Object.fromEntries(target.searchParams.entries());
}

/**
 * Every page of a list whose pages link to the next by a full `next` URL: the link's query is asked for against
 * the client's own base URL (and token), and only while the link stays on the API's host.
 */
export async function* followNextLinks<Query, Page extends { next?: string | null }>(
  firstQuery: Query,
  fetchPage: (query: Query) => Promise<Page>,
  baseUrl: string,
  queryFromLink: (link: Record<string, string>) => Query,
): AsyncGenerator<Page> {
  let page = await fetchPage(firstQuery);
  yield page;
  let last: string | undefined;
  while (page.next) {
    // A server that answers static examples (Prism) links every page to the same next one: stop, never loop.
    if (page.next === last) throw new AgentEngineError('Next page repeated');
    last = page.next;
    page = await fetchPage(queryFromLink(nextPageQuery(last, baseUrl)));
    yield page;
  }
}

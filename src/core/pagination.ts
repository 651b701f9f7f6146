// Paging: the workspace list's `next` links, and the connector-specific cursors of an execute `list`.
import { AgentEngineError } from './errors.js';

/**
 * How one connector pages an execute `list`: whether its metadata says there is more, and which params ask for the
 * next page. Add an entry to PAGING_STYLES (or pass `paging` to executePages) for a connector not listed.
 */
export interface PagingStyle {
  name: string;
  /** True when this style's keys are in the page's `connector_metadata`. */
  matches(metadata: Record<string, unknown>): boolean;
  /** The params for the next page, or undefined after the last page. */
  next(metadata: Record<string, unknown>, result: unknown): Record<string, unknown> | undefined;
}

const lastId = (result: unknown): unknown => (Array.isArray(result) && result.length > 0 ? (result.at(-1) as { id?: unknown })?.id : undefined);
const present = (value: unknown) => value !== undefined && value !== null && value !== '';

export const PAGING_STYLES: PagingStyle[] = [
  {
    name: 'github',
    matches: (m) => 'has_next_page' in m || 'end_cursor' in m,
    next: (m) => (m.has_next_page === true && present(m.end_cursor) ? { cursor: m.end_cursor } : undefined),
  },
  {
    name: 'linear',
    matches: (m) => 'hasNextPage' in m || 'endCursor' in m,
    next: (m) => (m.hasNextPage === true && present(m.endCursor) ? { cursor: m.endCursor } : undefined),
  },
  {
    // HubSpot answers `next_link` beside `next_cursor`, and takes the cursor back as `after`.
    name: 'hubspot',
    matches: (m) => 'next_link' in m,
    next: (m) => (present(m.next_cursor) ? { after: m.next_cursor } : undefined),
  },
  {
    // `search` results (and connectors without a style of their own) page with `next_cursor` and take it back as `cursor`.
    name: 'next_cursor',
    matches: (m) => 'next_cursor' in m,
    next: (m) => (present(m.next_cursor) ? { cursor: m.next_cursor } : undefined),
  },
  {
    name: 'stripe',
    matches: (m) => 'has_more' in m,
    next: (m, result) => {
      const id = lastId(result);
      return m.has_more === true && present(id) ? { starting_after: id } : undefined;
    },
  },
];

export function pagingStyleFor(metadata: unknown, styles: PagingStyle[] = PAGING_STYLES): PagingStyle | undefined {
  if (!metadata || typeof metadata !== 'object') return undefined;
  return styles.find((style) => style.matches(metadata as Record<string, unknown>));
}

/**
 * The query of the next workspace page from its `next` URL, refusing a link that leaves the API's host: the token
 * would go with it.
 */
export function nextPageQuery(next: string, baseUrl: string): Record<string, string> {
  const target = new URL(next, baseUrl);
  const base = new URL(baseUrl);
  if (target.origin !== base.origin) {
    throw new AgentEngineError(`Refusing to follow a pagination link to ${target.origin}: it is not the API's host (${base.origin})`);
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
  while (page.next) {
    page = await fetchPage(queryFromLink(nextPageQuery(page.next, baseUrl)));
    yield page;
  }
}

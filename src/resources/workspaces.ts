import type { components, paths } from '../../generated/agent-engine.js';
import { call, type ResourceContext } from '../core/context.js';
import { followNextLinks } from '../core/pagination.js';
import type { CallOptions } from '../core/transport.js';

type Schemas = components['schemas'];
type ListQuery = NonNullable<paths['/api/v1/workspaces']['get']['parameters']['query']>;

export function workspacesResource(context: ResourceContext<paths>) {
  const { raw } = context;
  const byId = (workspaceId: string) => ({ params: { path: { workspace_id: workspaceId } } });

  const list = (query: ListQuery = {}, options?: CallOptions): Promise<Schemas['WorkspaceListResponse']> =>
    call(context, 'GET', raw.GET('/api/v1/workspaces', { params: { query }, ...context.init(options) }));

  const pages = (query: ListQuery = {}, options?: CallOptions) =>
    followNextLinks(query, (q) => list(q, options), context.baseUrl, (link) => link as ListQuery);

  return {
    /** One page; `next` is the URL of the following one. */
    list,
    /** Every page, following `next` while it stays on the API's host. */
    pages,
    /** Every workspace of every page. */
    async *all(query: ListQuery = {}, options?: CallOptions): AsyncGenerator<Schemas['WorkspaceResponse']> {
      for await (const page of pages(query, options)) yield* page.data;
    },
    get: (workspaceId: string, options?: CallOptions): Promise<Schemas['WorkspaceResponse']> =>
      call(context, 'GET', raw.GET('/api/v1/workspaces/{workspace_id}', { ...byId(workspaceId), ...context.init(options) })),
    /** `status: 'inactive'` disables the workspace's connections. */
    update: (workspaceId: string, body: Schemas['WorkspaceUpdateRequest'], options?: CallOptions): Promise<Schemas['WorkspaceResponse']> =>
      call(context, 'PUT', raw.PUT('/api/v1/workspaces/{workspace_id}', { ...byId(workspaceId), body, ...context.init(options) })),
    delete: (workspaceId: string, options?: CallOptions): Promise<Schemas['DeletedResponse']> =>
      call(context, 'DELETE', raw.DELETE('/api/v1/workspaces/{workspace_id}', { ...byId(workspaceId), ...context.init(options) })),
    stats: (options?: CallOptions): Promise<Schemas['WorkspaceStatsResponse']> =>
      call(context, 'GET', raw.GET('/api/v1/workspaces/stats', { ...context.init(options) })),
  };
}

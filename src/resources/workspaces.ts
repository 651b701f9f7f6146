import type { paths } from '../../generated/agent-engine.js';
import { call, type ResourceContext } from '../core/context.js';
import { followNextLinks } from '../core/pagination.js';
import type { CallOptions } from '../core/transport.js';
import type {
  DeletedResponse,
  WorkspaceListQuery,
  WorkspaceListResponse,
  WorkspaceResponse,
  WorkspaceStatsResponse,
  WorkspaceUpdateRequest,
} from '../schemas.js';

/** `client.workspaces`: the workspaces of your organization, one per customer. */
export interface WorkspacesResource {
  /** One page; `next` is the URL of the following one. */
  list(query?: WorkspaceListQuery, options?: CallOptions): Promise<WorkspaceListResponse>;
  /** Every page, following `next` while it stays on the API's host. */
  pages(query?: WorkspaceListQuery, options?: CallOptions): AsyncGenerator<WorkspaceListResponse>;
  /** Every workspace of every page. */
  all(query?: WorkspaceListQuery, options?: CallOptions): AsyncGenerator<WorkspaceResponse>;
  /** One workspace by its id. */
  get(workspaceId: string, options?: CallOptions): Promise<WorkspaceResponse>;
  /**
   * Renames the workspace, changes its status or turns its cache on or off; fields left out keep their value.
   * `status: 'inactive'` disables the workspace's connections, `'active'` enables them again.
   */
  update(workspaceId: string, body: WorkspaceUpdateRequest, options?: CallOptions): Promise<WorkspaceResponse>;
  /** Deletes the workspace with its connectors. A large one can outlast the gateway's timeout; the retry answers. */
  delete(workspaceId: string, options?: CallOptions): Promise<DeletedResponse>;
  /** How many workspaces are active and inactive. */
  stats(options?: CallOptions): Promise<WorkspaceStatsResponse>;
}

export function workspacesResource(context: ResourceContext<paths>): WorkspacesResource {
  const { raw } = context;
  const byId = (workspaceId: string) => ({ params: { path: { workspace_id: workspaceId } } });

  // `need`: what the caller reads of the page (`data[]` when paging), checked before it reads it.
  const list = (query: WorkspaceListQuery = {}, options?: CallOptions, need?: string): Promise<WorkspaceListResponse> =>
    call(context, 'GET', raw.GET('/api/v1/workspaces', { params: { query }, ...context.init(options) }), need);

  const pages = (query: WorkspaceListQuery = {}, options?: CallOptions) =>
    followNextLinks(
      query,
      (q) => list(q, options, 'data'),
      context.baseUrl,
      (link) => link as WorkspaceListQuery,
    );

  return {
    list,
    pages,
    async *all(query = {}, options) {
      for await (const page of pages(query, options)) yield* page.data;
    },
    get: (workspaceId, options) =>
      call(
        context,
        'GET',
        raw.GET('/api/v1/workspaces/{workspace_id}', { ...byId(workspaceId), ...context.init(options) }),
      ),
    update: (workspaceId, body, options) =>
      call(
        context,
        'PUT',
        raw.PUT('/api/v1/workspaces/{workspace_id}', { ...byId(workspaceId), body, ...context.init(options) }),
      ),
    delete: (workspaceId, options) =>
      call(
        context,
        'DELETE',
        raw.DELETE('/api/v1/workspaces/{workspace_id}', { ...byId(workspaceId), ...context.init(options) }),
      ),
    stats: (options) => call(context, 'GET', raw.GET('/api/v1/workspaces/stats', { ...context.init(options) })),
  };
}

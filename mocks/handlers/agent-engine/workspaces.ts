// Workspaces: a cursor-paged list whose `next` is a full URL, filters, stats, update (inactive disables the
// workspace's connections), delete with everything in it.
import { decodeCursor, encodeCursor } from '../../http/cursor.js';
import { MockHttpError, notFound } from '../../http/errors.js';
import type { CallContext, MockService } from '../../service.js';
import { workspaceView } from '../../service/views.js';
import { API, http } from './http.js';

export function workspaceHandlers(service: MockService) {
  const { store } = service;

  const workspaceFor = (context: CallContext, id: string) => {
    const workspace = store.workspaces.get(id);
    if (!workspace) throw notFound(`Workspace ${id}`);
    service.assertWorkspaceAccess(context, id, `Workspace ${id}`);
    return workspace;
  };

  return [
    http.get('/api/v1/workspaces', service.handle(API, 'list_workspaces', ({ response }, { query, url }) => {
      const limit: number = query.limit ?? 20;
      const offset = query.cursor ? decodeCursor(query.cursor, 'pass the cursor of a previous page\'s next URL.') : 0;
      const matching = [...store.workspaces.values()]
        .filter((w) => (query.name_contains ? w.name.toLowerCase().includes(String(query.name_contains).toLowerCase()) : true))
        .filter((w) => (query.status ? w.status === query.status : true))
        .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
      const page = matching.slice(offset, offset + limit);
      let next: string | null = null;
      if (offset + limit < matching.length) {
        const nextUrl = new URL(url.pathname, url.origin);
        for (const [key, value] of url.searchParams) if (key !== 'cursor') nextUrl.searchParams.append(key, value);
        nextUrl.searchParams.set('cursor', encodeCursor(offset + limit));
        next = nextUrl.toString();
      }
      return response(200).json({ next, data: page.map(workspaceView) });
    })),

    http.get('/api/v1/workspaces/stats', service.handle(API, 'get_workspaces_stats', ({ response }) => {
      const all = [...store.workspaces.values()];
      const active = all.filter((w) => w.status === 'active').length;
      return response(200).json({ active_count: active, inactive_count: all.length - active, total_count: all.length });
    })),

    http.get('/api/v1/workspaces/{workspace_id}', service.handle(API, 'get_workspaces_workspace_id', ({ response }, context) =>
      response(200).json(workspaceView(workspaceFor(context, context.path.workspace_id))))),

    http.put('/api/v1/workspaces/{workspace_id}', service.handle(API, 'update_workspaces_workspace_id', ({ response }, context) => {
      const workspace = workspaceFor(context, context.path.workspace_id);
      const body = context.body ?? {};
      if (typeof body.name === 'string') {
        const clash = store.workspaceByName(body.name);
        if (clash && clash.id !== workspace.id) throw new MockHttpError(422, `A workspace named ${body.name} exists already.`, [{ field: 'name', message: 'already taken', error_code: 'value_error' }]);
        workspace.name = body.name;
      }
      if (body.status) workspace.status = body.status;
      if (body.cache_enabled !== undefined) workspace.cacheEnabled = body.cache_enabled;
      workspace.updatedAt = store.timestamp();
      return response(200).json(workspaceView(workspace));
    })),

    http.delete('/api/v1/workspaces/{workspace_id}', service.handle(API, 'delete_workspaces_workspace_id', ({ response }, context) => {
      const workspace = workspaceFor(context, context.path.workspace_id);
      store.deleteWorkspace(workspace.id);
      return response(200).json({ id: workspace.id, deleted_at: store.timestamp() });
    })),
  ];
}

// Workspaces: a cursor-paged list whose `next` is a full URL, filters, stats, update (inactive disables the
// workspace's connections), delete with everything in it.
import { decodeCursor, encodeCursor } from '../cursor.js';
import { MockHttpError, notFound } from '../../pipeline/errors.js';
import type { MockService } from '../../service.js';
import type { IssuedToken } from '../../service/store.js';
import { workspaceView } from '../../service/views.js';
import { defineOperations } from '../types.js';
import { assertWorkspaceAccess } from '../../pipeline/auth.js';

export function workspaceOperations(service: MockService) {
  const { store } = service;

  const workspaceFor = (context: { principal: IssuedToken | undefined }, id: string) => {
    const workspace = store.workspaces.get(id);
    if (!workspace) throw notFound(`Workspace ${id}`);
    assertWorkspaceAccess(context.principal, id);
    return workspace;
  };

  return defineOperations('agent-engine', {
    list_workspaces: ({ query, url }) => {
      const limit: number = query.limit ?? 20;
      const offset = query.cursor ? decodeCursor(query.cursor, "pass the cursor of a previous page's next URL.") : 0;
      const matching = [...store.workspaces.values()]
        .filter((w) =>
          query.name_contains ? w.name.toLowerCase().includes(String(query.name_contains).toLowerCase()) : true,
        )
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
      return { status: 200, body: { next, data: page.map(workspaceView) } };
    },

    get_workspaces_stats: () => {
      const all = [...store.workspaces.values()];
      const active = all.filter((w) => w.status === 'active').length;
      return {
        status: 200,
        body: { active_count: active, inactive_count: all.length - active, total_count: all.length },
      };
    },

    get_workspaces_workspace_id: (context) => ({
      status: 200,
      body: workspaceView(workspaceFor(context, context.path.workspace_id)),
    }),

    update_workspaces_workspace_id: (context) => {
      const workspace = workspaceFor(context, context.path.workspace_id);
      const body = context.body ?? {};
      if (typeof body.name === 'string') {
        const clash = store.workspaceByName(body.name);
        if (clash && clash.id !== workspace.id)
          throw new MockHttpError(422, `A workspace named ${body.name} exists already.`, [
            { field: 'name', message: 'already taken', error_code: 'value_error' },
          ]);
        workspace.name = body.name;
      }
      if (body.status) workspace.status = body.status;
      if (body.cache_enabled !== undefined) workspace.cacheEnabled = body.cache_enabled;
      workspace.updatedAt = store.timestamp();
      return { status: 200, body: workspaceView(workspace) };
    },

    delete_workspaces_workspace_id: (context) => {
      const workspace = workspaceFor(context, context.path.workspace_id);
      store.deleteWorkspace(workspace.id);
      return { status: 200, body: { id: workspace.id, deleted_at: store.timestamp() } };
    },
  });
}

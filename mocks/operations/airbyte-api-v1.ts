// The Airbyte API's Embedded endpoints (/v1): access tokens, workspaces (the same workspaces as the Agent Engine's:
// one store), health. Errors are problem JSON.
import { MockHttpError, notFound } from '../pipeline/errors.js';
import type { MockService } from '../service.js';
import { issueToken } from '../service/tokens.js';
import { v1WorkspaceView } from '../service/views.js';
import { defineOperations } from './types.js';

export function airbyteApiV1Operations(service: MockService) {
  const { store } = service;
  const workspaceFor = (id: string) => {
    const workspace = store.workspaces.get(id);
    if (!workspace) throw notFound(`Workspace ${id}`);
    return workspace;
  };

  return defineOperations('airbyte-api-v1', {
    createAccessToken: ({ body }) => {
      if (body.client_id !== service.config.clientId || body.client_secret !== service.config.clientSecret) {
        throw new MockHttpError(401, 'Invalid client id or client secret.');
      }
      const { token, expiresIn } = issueToken(store, { kind: 'v1', organizationId: service.config.organizationId });
      return { status: 200, body: { access_token: token, token_type: 'Bearer', expires_in: expiresIn } };
    },

    listWorkspaces: ({ query, url }) => {
      const limit: number = query.limit ?? 20;
      const offset: number = query.offset ?? 0;
      const wanted: string[] | undefined = query.workspaceIds;
      const matching = [...store.workspaces.values()]
        .filter((w) => !wanted || wanted.includes(w.id))
        .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
      const link = (at: number) => {
        const target = new URL(url.pathname, url.origin);
        for (const [key, value] of url.searchParams)
          if (key !== 'offset' && key !== 'limit') target.searchParams.append(key, value);
        target.searchParams.set('limit', String(limit));
        target.searchParams.set('offset', String(at));
        return target.toString();
      };
      return {
        status: 200,
        body: {
          ...(offset > 0 ? { previous: link(Math.max(0, offset - limit)) } : {}),
          ...(offset + limit < matching.length ? { next: link(offset + limit) } : {}),
          data: matching.slice(offset, offset + limit).map(v1WorkspaceView),
        },
      };
    },

    createWorkspace: ({ body }) => {
      if (store.workspaceByName(body.name))
        throw new MockHttpError(400, `A workspace named ${body.name} exists already.`);
      if (body.organizationId && body.organizationId !== service.config.organizationId)
        throw new MockHttpError(403, `No access to organization ${body.organizationId}.`);
      const workspace = store.createWorkspace(body.name, body.regionId ?? null);
      if (body.notifications) workspace.notifications = body.notifications;
      return { status: 200, body: v1WorkspaceView(workspace) };
    },

    getWorkspace: ({ path }) => ({ status: 200, body: v1WorkspaceView(workspaceFor(path.workspaceId)) }),

    updateWorkspace: ({ path, body }) => {
      const workspace = workspaceFor(path.workspaceId);
      // Names stay unique, as on create; the failed request changes nothing.
      const named = body.name !== undefined ? store.workspaceByName(body.name) : undefined;
      if (named && named.id !== workspace.id)
        throw new MockHttpError(400, `A workspace named ${body.name} exists already.`);
      if (body.name !== undefined) workspace.name = body.name;
      if (body.notifications !== undefined) workspace.notifications = body.notifications;
      if (body.regionId !== undefined) workspace.regionId = body.regionId;
      workspace.updatedAt = store.timestamp();
      return { status: 200, body: v1WorkspaceView(workspace) };
    },

    deleteWorkspace: ({ path }) => {
      store.deleteWorkspace(workspaceFor(path.workspaceId).id);
      return { status: 204 };
    },

    getHealthCheck: () => ({ status: 200 }),
  });
}

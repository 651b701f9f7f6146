// The Airbyte API's Embedded endpoints (/v1): access tokens, workspaces (the same workspaces as the Agent Engine's:
// one store), health. Errors are problem JSON.
import { createOpenApiHttp } from 'openapi-msw';
import type { paths } from '../../generated/airbyte-api-v1.js';
import { MockHttpError, notFound } from '../http/errors.js';
import type { MockService } from '../service.js';
import { issueToken } from '../service/tokens.js';
import { v1WorkspaceView } from '../service/views.js';

const http = createOpenApiHttp<paths>({ baseUrl: '*/v1' });
const API = 'airbyte-api-v1' as const;

export function airbyteApiV1Handlers(service: MockService) {
  const { store } = service;
  const workspaceFor = (id: string) => {
    const workspace = store.workspaces.get(id);
    if (!workspace) throw notFound(`Workspace ${id}`);
    return workspace;
  };

  return [
    http.post('/applications/token', service.handle(API, 'createAccessToken', ({ response }, { body }) => {
      if (body.client_id !== service.config.clientId || body.client_secret !== service.config.clientSecret) {
        throw new MockHttpError(401, 'Invalid client id or client secret.');
      }
      const { token, expiresIn } = issueToken(store, { kind: 'v1', organizationId: service.config.organizationId });
      return response(200).json({ access_token: token, token_type: 'Bearer', expires_in: expiresIn });
    })),

    http.get('/workspaces', service.handle(API, 'listWorkspaces', ({ response }, { query, url }) => {
      const limit: number = query.limit ?? 20;
      const offset: number = query.offset ?? 0;
      const wanted: string[] | undefined = query.workspaceIds;
      const matching = [...store.workspaces.values()]
        .filter((w) => !wanted || wanted.includes(w.id))
        .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
      const link = (at: number) => {
        const target = new URL(url.pathname, url.origin);
        for (const [key, value] of url.searchParams) if (key !== 'offset' && key !== 'limit') target.searchParams.append(key, value);
        target.searchParams.set('limit', String(limit));
        target.searchParams.set('offset', String(at));
        return target.toString();
      };
      return response(200).json({
        ...(offset > 0 ? { previous: link(Math.max(0, offset - limit)) } : {}),
        ...(offset + limit < matching.length ? { next: link(offset + limit) } : {}),
        data: matching.slice(offset, offset + limit).map(v1WorkspaceView),
      });
    })),

    http.post('/workspaces', service.handle(API, 'createWorkspace', ({ response }, { body }) => {
      if (store.workspaceByName(body.name)) throw new MockHttpError(400, `A workspace named ${body.name} exists already.`);
      if (body.organizationId && body.organizationId !== service.config.organizationId) throw new MockHttpError(403, `No access to organization ${body.organizationId}.`);
      const workspace = store.createWorkspace(body.name, body.regionId ?? null);
      if (body.notifications) workspace.notifications = body.notifications;
      return response(200).json(v1WorkspaceView(workspace));
    })),

    http.get('/workspaces/{workspaceId}', service.handle(API, 'getWorkspace', ({ response }, { path }) =>
      response(200).json(v1WorkspaceView(workspaceFor(path.workspaceId))))),

    http.patch('/workspaces/{workspaceId}', service.handle(API, 'updateWorkspace', ({ response }, { path, body }) => {
      const workspace = workspaceFor(path.workspaceId);
      // Names stay unique, as on create; the failed request changes nothing.
      const named = body.name !== undefined ? store.workspaceByName(body.name) : undefined;
      if (named && named.id !== workspace.id) throw new MockHttpError(400, `A workspace named ${body.name} exists already.`);
      if (body.name !== undefined) workspace.name = body.name;
      if (body.notifications !== undefined) workspace.notifications = body.notifications;
      if (body.regionId !== undefined) workspace.regionId = body.regionId;
      workspace.updatedAt = store.timestamp();
      return response(200).json(v1WorkspaceView(workspace));
    })),

    http.delete('/workspaces/{workspaceId}', service.handle(API, 'deleteWorkspace', ({ response }, { path }) => {
      store.deleteWorkspace(workspaceFor(path.workspaceId).id);
      return response(204).empty();
    })),

    http.get('/health', service.handle(API, 'getHealthCheck', ({ response }) => response(200).empty())),
  ];
}

// MSW's http, typed by the Agent Engine spec: a handler whose path, params or response body the spec does not allow
// fails to compile. Paths match on any origin, so the same handlers serve tests, the browser and the standalone server.
import { createOpenApiHttp } from 'openapi-msw';
import type { paths } from '../../../generated/agent-engine.js';

export const http = createOpenApiHttp<paths>({ baseUrl: '*' });
export const API = 'agent-engine' as const;

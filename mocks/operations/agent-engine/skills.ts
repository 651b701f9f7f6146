// Skills: the docs skill of each connector a token reaches, listed and searched a page at a time, and read as an
// outline or a section at a time (generated from the connector definitions by mocks/skills/docs.ts).
import { decodeCursor, encodeCursor } from '../cursor.js';
import { MockHttpError, notFound } from '../../pipeline/errors.js';
import type { MockService } from '../../service.js';
import type { Connector, IssuedToken } from '../../service/store.js';
import { CONNECTOR_SKILL_PREFIX, connectorSkill, searchScore, type Skill } from '../../skills/catalog.js';
import { defineOperations } from '../types.js';
import { assertWorkspaceAccess } from '../../pipeline/auth.js';

const DEFAULT_LIMIT = 20;

export function skillOperations(service: MockService) {
  const { store } = service;

  /** The connectors whose skills the request may see (the token's organization and workspace, the filters), oldest first. */
  function connectorsInScope(context: {
    query: { organization_id?: string | null; workspace_id?: string | null };
    principal: IssuedToken | undefined;
  }): Connector[] {
    const { query, principal } = context;
    const organizationId = principal?.organizationId ?? service.config.organizationId;
    if (query.organization_id && query.organization_id !== organizationId) throw notFound('Organization');
    let connectors = [...store.connectors.values()];
    if (principal?.workspaceId) connectors = connectors.filter((c) => c.workspaceId === principal.workspaceId);
    if (query.workspace_id) {
      if (!store.workspaces.has(query.workspace_id)) throw notFound(`Workspace ${query.workspace_id}`);
      assertWorkspaceAccess(context.principal, query.workspace_id);
      connectors = connectors.filter((c) => c.workspaceId === query.workspace_id);
    }
    return connectors; // in the order they were created
  }

  function page(skills: Skill[], query: Record<string, any>) {
    const limit: number = query.limit ?? DEFAULT_LIMIT;
    const offset = query.cursor ? decodeCursor(query.cursor, 'pass the next_cursor of a previous page.') : 0;
    return {
      data: skills.slice(offset, offset + limit).map((s) => s.metadata),
      next_cursor: offset + limit < skills.length ? encodeCursor(offset + limit) : null,
    };
  }

  return defineOperations('agent-engine', {
    list_skills: (context) => ({
      status: 200,
      body: page(
        connectorsInScope(context).map((c) => connectorSkill(store, c)),
        context.query,
      ),
    }),

    list_skills_search: (context) => {
      const scored = connectorsInScope(context)
        .map((connector) => connectorSkill(store, connector))
        .map((skill) => ({ skill, score: searchScore(skill, String(context.query.query)) }))
        .filter((s) => s.score > 0);
      // Best first; the list's order among equals.
      const ranked = scored.map((s, order) => ({ ...s, order })).sort((a, b) => b.score - a.score || a.order - b.order);
      return {
        status: 200,
        body: page(
          ranked.map((s) => s.skill),
          context.query,
        ),
      };
    },

    get_skills_docs: (context) => {
      const id = String(context.query.id);
      const connectorId = id.startsWith(CONNECTOR_SKILL_PREFIX) ? id.slice(CONNECTOR_SKILL_PREFIX.length) : undefined;
      // The skill exists for this request only if its connector is in scope; the id is never quoted back.
      const connector =
        connectorId === undefined ? undefined : connectorsInScope(context).find((c) => c.id === connectorId);
      if (!connector) throw notFound('Skill');
      const { metadata, docs } = connectorSkill(store, connector);
      const section: string | null | undefined = context.query.section;
      if (section === undefined || section === null || section === '') {
        return { status: 200, body: { metadata, outline: docs.outline, section_id: null, content: docs.overview } };
      }
      const content = docs.sections.get(section);
      if (!content) {
        throw new MockHttpError(404, 'Section not found in this skill; the outline lists its sections.', [
          { field: 'query.section', message: 'Unknown section', error_code: 'not_found' },
        ]);
      }
      return { status: 200, body: { metadata, outline: docs.outline, section_id: section, content } };
    },
  });
}

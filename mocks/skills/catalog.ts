// The skills the mock serves: one docs skill per connector (`connector-source:<connector id>`), generated from the
// connector's definition (see docs.ts), with its metadata, freshness and warnings from the store; and search over
// them.
import type { components } from '../../generated/agent-engine.js';
import { connectorDefinition } from '../connectors/definitions.js';
import type { Connector, MockStore } from '../service/store.js';
import { sourceEntry } from '../service/views.js';
import { connectorDocs, undefinedConnectorDocs, type ConnectorDocs } from './docs.js';

type SkillMetadata = components['schemas']['SkillMetadata'];

export const CONNECTOR_SKILL_PREFIX = 'connector-source:';
export const connectorSkillId = (connectorId: string) => `${CONNECTOR_SKILL_PREFIX}${connectorId}`;

export interface Skill {
  metadata: SkillMetadata;
  docs: ConnectorDocs;
}

/** The docs skill of a stored connector. */
export function connectorSkill(store: MockStore, connector: Connector): Skill {
  const definition = connectorDefinition(connector.definitionId);
  const title = definition?.title ?? sourceEntry(connector.definitionId)?.definition.name ?? 'Source';
  const docs = definition ? connectorDocs(definition) : undefinedConnectorDocs(title);
  const workspace = store.workspaces.get(connector.workspaceId);
  const warnings: string[] = [];
  if (!definition)
    warnings.push(`There is no agent connector definition for ${title}: execute cannot run actions on it.`);
  if (workspace?.status === 'inactive')
    warnings.push(`The workspace ${workspace.name} is inactive: execute answers 403 until it is active again.`);
  return {
    metadata: {
      id: connectorSkillId(connector.id),
      kind: 'connector_source',
      title: `${connector.name} (${title})`,
      summary: definition
        ? `How to call ${title} through the connector ${connector.name}: ${docs.entityCount} entities, ${docs.actionCount} actions.`
        : `${connector.name} has no agent connector definition.`,
      tags: definition
        ? [definition.name, ...docs.outline.filter((s) => s.id.startsWith('entity:')).map((s) => s.title)]
        : [],
      provenance: definition
        ? `connector definition ${definition.name} ${definition.version}`
        : 'no connector definition',
      version: definition?.version ?? '0',
      freshness: {
        state: !definition ? 'unknown' : warnings.length > 0 ? 'degraded' : 'live',
        checked_at: store.timestamp(),
      },
      warnings,
    },
    docs,
  };
}

/**
 * How well a skill matches the words of a query: each word found in the title or tags counts 3, in an entity or
 * action name 2, in the summary 1; 0 when no word is found.
 */
export function searchScore(skill: Skill, query: string): number {
  const words = query
    .toLowerCase()
    .split(/[^\p{L}\p{N}_-]+/u)
    .filter(Boolean);
  const title = `${skill.metadata.title} ${(skill.metadata.tags ?? []).join(' ')}`.toLowerCase();
  const names = skill.docs.keywords.join(' ').toLowerCase();
  const summary = (skill.metadata.summary ?? '').toLowerCase();
  let score = 0;
  for (const word of words)
    score += title.includes(word) ? 3 : names.includes(word) ? 2 : summary.includes(word) ? 1 : 0;
  return score;
}

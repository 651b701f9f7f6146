// The connector catalog: source and destination definitions with their specifications.
import { DESTINATION_CATALOG, sourceCatalog } from '../../data/catalog.js';
import { notFound } from '../../pipeline/errors.js';
import { sourceEntry } from '../../service/views.js';
import type { MockService } from '../../service.js';
import { defineOperations } from '../types.js';

export function definitionOperations(_service: MockService) {
  return defineOperations('agent-engine', {
    list_integrations_definitions_sources: ({ query }) => {
      const name = typeof query.name === 'string' ? query.name.toLowerCase() : '';
      const definitions = sourceCatalog()
        .filter((entry) => entry.definition.name.toLowerCase().includes(name))
        .map((entry) => entry.definition);
      return { status: 200, body: { definitions } };
    },
    get_integrations_definitions_sources_id: ({ path }) => {
      // An id a document printed (the seeds' Salesforce id) resolves to the canonical one, which the answer carries.
      const entry = sourceEntry(path.id);
      if (!entry) throw notFound(`Source definition ${path.id}`);
      return {
        status: 200,
        body: {
          id: entry.definition.sourceDefinitionId!,
          definition: { ...entry.definition, spec: entry.spec },
          example_questions: entry.exampleQuestions,
        },
      };
    },
    list_integrations_definitions_destinations: ({ query }) => {
      const wanted: string[] | undefined = query.actorDefinitionIds;
      const destinations = DESTINATION_CATALOG.filter(
        (e) => !wanted || wanted.includes(e.definition.destinationDefinitionId!),
      ).map((e) => ({
        id: e.definition.destinationDefinitionId!,
        name: e.definition.name,
        icon: e.definition.iconUrl ?? '',
      }));
      return { status: 200, body: { destinations } };
    },
    get_integrations_definitions_destinations_id: ({ path }) => {
      const entry = DESTINATION_CATALOG.find((e) => e.definition.destinationDefinitionId === path.id);
      if (!entry) throw notFound(`Destination definition ${path.id}`);
      return { status: 200, body: { id: path.id, definition: { ...entry.definition, spec: entry.spec } } };
    },
  });
}

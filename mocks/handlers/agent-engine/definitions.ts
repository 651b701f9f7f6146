// The connector catalog: source and destination definitions with their specifications.
import { DESTINATION_CATALOG, sourceCatalog } from '../../data/catalog.js';
import { notFound } from '../../http/errors.js';
import { sourceEntry } from '../../service/views.js';
import type { MockService } from '../../service.js';
import { API, http } from './http.js';

export function definitionHandlers(service: MockService) {
  return [
    http.get('/api/v1/integrations/definitions/sources', service.handle(API, 'list_integrations_definitions_sources', ({ response }, { query }) => {
      const name = typeof query.name === 'string' ? query.name.toLowerCase() : '';
      const definitions = sourceCatalog().filter((entry) => entry.definition.name.toLowerCase().includes(name)).map((entry) => entry.definition);
      return response(200).json({ definitions });
    })),
    http.get('/api/v1/integrations/definitions/sources/{id}', service.handle(API, 'get_integrations_definitions_sources_id', ({ response }, { path }) => {
      // An id a document printed (the seeds' Salesforce id) resolves to the canonical one, which the answer carries.
      const entry = sourceEntry(path.id);
      if (!entry) throw notFound(`Source definition ${path.id}`);
      return response(200).json({ id: entry.definition.sourceDefinitionId!, definition: { ...entry.definition, spec: entry.spec }, example_questions: entry.exampleQuestions });
    })),
    http.get('/api/v1/integrations/definitions/destinations', service.handle(API, 'list_integrations_definitions_destinations', ({ response }, { query }) => {
      const wanted: string[] | undefined = query.actorDefinitionIds;
      const destinations = DESTINATION_CATALOG.filter((e) => !wanted || wanted.includes(e.definition.destinationDefinitionId!)).map((e) => ({
        id: e.definition.destinationDefinitionId!,
        name: e.definition.name,
        icon: e.definition.iconUrl ?? '',
      }));
      return response(200).json({ destinations });
    })),
    http.get('/api/v1/integrations/definitions/destinations/{id}', service.handle(API, 'get_integrations_definitions_destinations_id', ({ response }, { path }) => {
      const entry = DESTINATION_CATALOG.find((e) => e.definition.destinationDefinitionId === path.id);
      if (!entry) throw notFound(`Destination definition ${path.id}`);
      return response(200).json({ id: path.id, definition: { ...entry.definition, spec: entry.spec } });
    })),
  ];
}

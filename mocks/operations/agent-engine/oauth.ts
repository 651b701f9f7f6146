// The organization's own OAuth applications per connector: stored write-only, removed idempotently.
import { sourceCatalog } from '../../data/catalog.js';
import { notFound, unprocessable } from '../../pipeline/errors.js';
import type { MockService } from '../../service.js';
import { sourceEntry, sourceEntryByName } from '../../service/views.js';
import { defineOperations } from '../types.js';

export function oauthOperations(service: MockService) {
  const { store } = service;
  return defineOperations('agent-engine', {
    update_oauth_credentials: ({ body }) => {
      if ((body.connector_definition_id == null) === (body.connector_type == null)) {
        throw unprocessable('Exactly one of connector_definition_id or connector_type must be provided.', [
          {
            field: 'connector_definition_id',
            message: 'Exactly one of connector_definition_id or connector_type must be provided.',
            error_code: 'value_error',
          },
        ]);
      }
      const entry = body.connector_definition_id
        ? sourceEntry(body.connector_definition_id)
        : sourceEntryByName(body.connector_type!);
      if (!entry) throw notFound(`Connector ${body.connector_definition_id ?? body.connector_type}`);
      const definitionId = entry.definition.sourceDefinitionId!;
      const now = store.timestamp();
      const existing = store.oauthCredentials.get(definitionId);
      const stored = {
        id: existing?.id ?? store.ids.uuid(),
        definitionId,
        configuration: body.configuration,
        createdAt: existing?.createdAt ?? now,
        updatedAt: now,
      };
      store.oauthCredentials.set(definitionId, stored);
      return {
        status: 200,
        body: {
          id: stored.id,
          scope_type: 'organization',
          scope_id: service.config.organizationId,
          connector_type: 'source',
          connector_definition_id: definitionId,
          created_at: stored.createdAt,
          updated_at: stored.updatedAt,
        },
      };
    },
    delete_oauth_credentials_connector_type_connector_type: ({ path }) => {
      const entry = sourceCatalog().find(
        (e) => e.definition.name.toLowerCase() === String(path.connector_type).toLowerCase(),
      );
      if (!entry) throw notFound(`Connector type ${path.connector_type}`);
      store.oauthCredentials.delete(entry.definition.sourceDefinitionId!);
      return { status: 204 };
    },
  });
}

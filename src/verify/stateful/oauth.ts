// The OAuth-credentials group of `verify --fuzz --stateful`: an organization's own OAuth application per connector,
// set (`PUT /oauth/credentials`, the connector named by definition id or by display name) and removed (`DELETE
// /oauth/credentials/connector_type/{display name}`).
//
// Nothing reads a configuration back (there is no GET), so the model is checked through the answers alone:
// - a PUT for a connector whose configuration this sequence set answers that configuration again, same id and same
//   created_at (the public reference calls the operation "create or update": an update of the stored record, not a
//   second one), whether the connector is named by definition id or by display name;
// - a PUT answers the connector it named (`connector_definition_id`);
// - a PUT never answers a configuration a DELETE removed (use_after_free: the DELETE did not remove it);
// - DELETE answers 204 whether or not a configuration is stored (documented as idempotent);
// - no answer carries the configuration or the client secret sent (the spec makes `configuration` write-only; the
//   checks have no name for that, so it is held under model_conformance, the message saying what it is).
// Not asserted, as nothing public documents it: whether `updated_at` moves on a replacement (and clocks may tie), and
// the DELETE's 404 for a name no connector has (the published description lists no 404 for it).
//
// A PUT replaces what the organization had for that connector, and that cannot be read back to restore it: the group
// runs only when `organizationSettings` is set (the CLI sets it against a loopback target). The secrets sent are
// obviously fake placeholders, so the curl lines of a reproduction print nothing real.
import fc from 'fast-check';
import type { Group, Sequence, StatefulContext } from './run.js';

interface OAuthConnector {
  /** The display name, as `connector_type` takes it. */
  name: string;
  definitionId: string;
}

/** Connectors that authenticate with OAuth, by display name and definition id (as the connector catalog has them). */
const CONNECTORS: readonly OAuthConnector[] = [
  { name: 'HubSpot', definitionId: '36c891d9-4bd9-43ac-bad2-10e12756272c' },
  { name: 'Facebook Marketing', definitionId: 'e7778cfc-e97c-4458-9ecb-b4f2bba8946c' },
  { name: 'Notion', definitionId: '6e00b415-b02e-4160-bf02-58176a0ae687' },
];

interface StoredConfiguration {
  id: string;
  createdAt: string;
}

interface OAuthModel {
  /**
   * By definition id: the configuration the answers say is stored, null once a DELETE removed it. Absent while the
   * sequence has not touched the connector: what the organization had before is unknown (nothing reads it).
   */
  stored: Map<string, StoredConfiguration | null>;
  /** Ids of the configurations DELETEs removed. */
  removed: Set<string>;
  /** Connectors a PUT was sent for: cleanup removes theirs, whatever the answers said. */
  touched: Set<OAuthConnector>;
}

export function oauthGroup(context: StatefulContext): Group<OAuthModel> {
  /** Every command applies in every state: setting and removing need nothing set before. */
  const command = (name: string, run: (m: OAuthModel, r: Sequence) => Promise<void>) =>
    context.command<OAuthModel>(name, () => true, run);
  const byName = (connector: OAuthConnector) =>
    `/oauth/credentials/connector_type/${encodeURIComponent(connector.name)}`;

  return {
    name: 'OAuth credentials',
    skipped: context.options.organizationSettings
      ? undefined
      : "it replaces the organization's OAuth applications, which cannot be read back to restore them, so it runs only against a loopback target (127.0.0.1, ::1, localhost)",
    model: () => ({ stored: new Map(), removed: new Set(), touched: new Set() }),
    commands: [
      fc
        .tuple(fc.constantFrom(...CONNECTORS), fc.constantFrom('definition id', 'display name'))
        .map(([connector, by]) =>
          command(`set ${connector.name}'s OAuth app by ${by}`, async (m, r) => {
            const n = ++r.counter;
            const secret = `${r.prefix}-fake-client-secret-${n}`;
            m.touched.add(connector);
            const answer = await context.step(r, 'update_oauth_credentials', '/oauth/credentials', {
              body: {
                ...(by === 'definition id'
                  ? { connector_definition_id: connector.definitionId }
                  : { connector_type: connector.name }),
                configuration: { client_id: `aek-fake-client-id-${n}`, client_secret: secret },
              },
            });
            context.expectStatus(r, answer, 200, `setting ${connector.name}'s OAuth app`);
            const { id, created_at: createdAt, connector_definition_id: named } = answer.body ?? {};
            context.expectThat(
              r,
              'model_conformance',
              answer,
              answer.text.includes(secret)
                ? 'the answer echoes the client_secret sent (the configuration is write-only)'
                : answer.body?.configuration !== undefined
                  ? 'the answer carries the configuration, which is write-only'
                  : undefined,
            );
            context.expectThat(
              r,
              'model_conformance',
              answer,
              named === connector.definitionId
                ? undefined
                : `${connector.name} named by ${by}: the answer names connector ${JSON.stringify(named)}, not ${connector.definitionId}`,
            );
            const before = m.stored.get(connector.definitionId);
            context.expectThat(
              r,
              'model_conformance',
              answer,
              before && (id !== before.id || createdAt !== before.createdAt)
                ? `${connector.name}'s OAuth app, set earlier in this sequence as ${before.id} (created ${before.createdAt}), answered ${id} (created ${createdAt}): a second configuration, not a replacement`
                : undefined,
            );
            context.expectThat(
              r,
              'use_after_free',
              answer,
              m.removed.has(id)
                ? `${connector.name}'s OAuth app answered ${id}, a configuration removed by a DELETE earlier in this sequence`
                : undefined,
            );
            m.stored.set(connector.definitionId, { id, createdAt });
          }),
        ),
      fc.constantFrom(...CONNECTORS).map((connector) =>
        command(`remove ${connector.name}'s OAuth app`, async (m, r) => {
          const before = m.stored.get(connector.definitionId);
          const answer = await context.step(
            r,
            'delete_oauth_credentials_connector_type_connector_type',
            byName(connector),
          );
          context.expectStatus(
            r,
            answer,
            204,
            before
              ? `removing ${connector.name}'s OAuth app`
              : `removing ${connector.name}'s OAuth app, none set by this sequence (idempotent: 204 either way)`,
          );
          if (before) m.removed.add(before.id);
          m.stored.set(connector.definitionId, null);
        }),
      ),
    ],
    cleanUp: async (m) => {
      for (const connector of m.touched) await context.quiet('DELETE', byName(connector)).catch(() => undefined);
    },
  };
}

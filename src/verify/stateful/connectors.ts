// The connectors group of `verify --fuzz --stateful`: GitHub connectors in the default workspace, created, listed,
// read, renamed, checked, executed (issues list) and deleted, then touched again after their DELETE.
import fc from 'fast-check';
import {
  afterDeleteCommand,
  deleteCommand,
  expectListed,
  getCommand,
  noResources,
  pick,
  type ResourceKind,
  type Resources,
} from './resources.js';
import type { Answer, Group, Sequence, StatefulContext } from './run.js';

/** GitHub's definition id: the connector made, and the source templates' definition. */
export const GITHUB = 'ef69ef6e-aa7f-4af1-a01d-ef775033524e';
/** The workspace the connectors are made in. */
export const WORKSPACE = 'default';

const CONNECTOR: ResourceKind = {
  what: 'connector',
  path: '/integrations/connectors',
  operations: { get: 'get_integrations_connectors_id', delete: 'delete_integrations_connectors_id' },
  field: 'name',
  reads: (shown) => `reads as ${shown}`,
};

export function connectorGroup(context: StatefulContext): Group<Resources> {
  const of = (m: Resources) => m;
  const live = (m: Resources) => m.live.length > 0;
  const execute = (r: Sequence, id: string) =>
    context.step(r, 'create_integrations_connectors_id_execute', `/integrations/connectors/${id}/execute`, {
      body: { entity: 'issues', action: 'list', params: { per_page: 2 } },
    });
  const deletionWaitMs = context.options.deletionWaitMs ?? 30_000;

  /** Deletion is asynchronous: gone once it no longer lists. Waits for that (not a step of its own). */
  const waitUntilUnlisted = async (r: Sequence, connector: { id: string }, answer: Answer) => {
    const started = Date.now();
    for (let wait = 0; ; wait = Math.min(2_000, Math.max(100, wait * 2))) {
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      const list = await context.quiet('GET', `/integrations/connectors?workspace_name=${WORKSPACE}`);
      const listed = list.status === 200 && list.text.includes(connector.id);
      if (!listed) break;
      if (Date.now() - started > deletionWaitMs)
        context.expectThat(
          r,
          'use_after_free',
          answer,
          `connector ${connector.id} still lists ${Math.round((Date.now() - started) / 1000)} s after its DELETE`,
        );
    }
  };

  return {
    name: 'connectors',
    model: noResources,
    commands: [
      fc.constant(
        context.command<Resources>(
          'create connector',
          () => true,
          async (m, r) => {
            const name = `${r.prefix}-connector-${++r.counter}`;
            const answer = await context.step(r, 'create_integrations_connectors', '/integrations/connectors', {
              body: {
                workspace_name: WORKSPACE,
                definition_id: GITHUB,
                name,
                credentials: { token: 'ghp_agent_engine_kit_stateful' },
                replication_config: { repositories: ['airbytehq/airbyte'] },
              },
            });
            context.expectStatus(r, answer, 200, 'creating a GitHub connector');
            m.live.push({ id: answer.body.id, value: name });
          },
        ),
      ),
      fc.constant(
        context.command<Resources>(
          'list connectors',
          () => true,
          async (m, r) => {
            const answer = await context.step(
              r,
              'list_integrations_connectors',
              `/integrations/connectors?workspace_name=${WORKSPACE}`,
            );
            context.expectStatus(r, answer, 200, 'listing connectors');
            const listed = new Map<string, { name?: string }>(
              (answer.body?.data ?? []).map((c: { id: string }) => [c.id, c]),
            );
            expectListed(context, r, answer, 'connector', m, listed);
            const stale = m.live.find((c) => listed.get(c.id)!.name !== c.value);
            context.expectThat(
              r,
              'model_conformance',
              answer,
              stale &&
                `connector ${stale.id} lists as ${JSON.stringify(listed.get(stale.id)!.name)}, not ${stale.value}`,
            );
          },
        ),
      ),
      getCommand(context, CONNECTOR, of),
      fc.nat().map((i) =>
        context.command<Resources>(`rename connector #${i}`, live, async (m, r) => {
          const connector = pick(m.live, i);
          const name = `${r.prefix}-renamed-${++r.counter}`;
          const answer = await context.step(
            r,
            'update_integrations_connectors_id',
            `/integrations/connectors/${connector.id}`,
            { body: { name } },
          );
          context.expectStatus(r, answer, 200, 'renaming a connector');
          context.expectThat(
            r,
            'model_conformance',
            answer,
            answer.body?.name === name ? undefined : `the update answered name ${JSON.stringify(answer.body?.name)}`,
          );
          connector.value = name;
        }),
      ),
      fc.nat().map((i) =>
        context.command<Resources>(`check connector #${i}`, live, async (m, r) => {
          const connector = pick(m.live, i);
          const answer = await context.step(
            r,
            'create_integrations_connectors_id_check',
            `/integrations/connectors/${connector.id}/check`,
            { body: {} },
          );
          context.expectStatus(r, answer, 200, 'checking a connector');
        }),
      ),
      fc.nat().map((i) =>
        context.command<Resources>(`execute connector #${i} (issues list)`, live, async (m, r) => {
          const answer = await execute(r, pick(m.live, i).id);
          context.expectStatus(r, answer, 200, 'executing issues list');
        }),
      ),
      deleteCommand(context, CONNECTOR, of, 202, waitUntilUnlisted),
      afterDeleteCommand(context, CONNECTOR, of, {
        get: (r, id) => context.step(r, 'get_integrations_connectors_id', `/integrations/connectors/${id}`),
        update: (r, id) =>
          context.step(r, 'update_integrations_connectors_id', `/integrations/connectors/${id}`, {
            body: { name: `${r.prefix}-after-delete` },
          }),
        execute,
      }),
    ],
    cleanUp: async (m) => {
      for (const c of m.live) await context.quiet('DELETE', `/integrations/connectors/${c.id}`).catch(() => undefined);
    },
  };
}

// The source-template and connection-template groups of `verify --fuzz --stateful`: the same life (create, list,
// get, patch, delete, then touched again after the DELETE), told apart by path and by the field a patch writes (a
// source template's name, a connection template's cron expression).
import fc from 'fast-check';
import { GITHUB } from './connectors.js';
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
import type { Group, Sequence, StatefulContext } from './run.js';

const CRONS = ['0 0 * * * ?', '0 0 */6 * * ?', '0 30 2 * * ?'];

export function templateGroup(context: StatefulContext, kind: 'sources' | 'connections'): Group<Resources> {
  const what = kind === 'sources' ? 'source template' : 'connection template';
  const field = kind === 'sources' ? 'name' : 'cron_expression';
  const ids = {
    create: `create_integrations_templates_${kind}`,
    list: `list_integrations_templates_${kind}`,
    get: `get_integrations_templates_${kind}_id`,
    update: `update_integrations_templates_${kind}_id`,
    delete: `delete_integrations_templates_${kind}_id`,
  };
  const path = `/integrations/templates/${kind}`;
  const template: ResourceKind = {
    what,
    path,
    operations: ids,
    field,
    reads: (shown) => `reads ${field} ${shown}`,
  };
  const of = (m: Resources) => m;
  const newValue = (r: Sequence, n: number) =>
    kind === 'sources' ? `${r.prefix}-template-${++r.counter}` : CRONS[n % 3]!;

  return {
    name: `${what}s`,
    model: noResources,
    commands: [
      fc.nat(2).map((n) =>
        context.command<Resources>(
          `create ${what}`,
          () => true,
          async (m, r) => {
            const value = newValue(r, n);
            const body =
              kind === 'sources'
                ? { actor_definition_id: GITHUB, name: value, partial_default_config: {} }
                : { data_hosting_type: 'airbyte_hosted', cron_expression: value };
            const answer = await context.step(r, ids.create, path, { body });
            context.expectStatus(r, answer, 200, `creating a ${what}`);
            m.live.push({ id: answer.body.id, value });
          },
        ),
      ),
      fc.constant(
        context.command<Resources>(
          `list ${what}s`,
          () => true,
          async (m, r) => {
            const answer = await context.step(r, ids.list, path);
            context.expectStatus(r, answer, 200, `listing ${what}s`);
            const listed = new Set<string>((answer.body?.data ?? []).map((t: { id: string }) => t.id));
            expectListed(context, r, answer, what, m, listed);
          },
        ),
      ),
      getCommand(context, template, of),
      fc.tuple(fc.nat(), fc.nat(2)).map(([i, n]) =>
        context.command<Resources>(
          `patch ${what} #${i}`,
          (m) => m.live.length > 0,
          async (m, r) => {
            const resource = pick(m.live, i);
            const value = newValue(r, n);
            const answer = await context.step(r, ids.update, `${path}/${resource.id}`, { body: { [field]: value } });
            context.expectStatus(r, answer, 200, `patching a ${what}`);
            resource.value = value;
          },
        ),
      ),
      deleteCommand(context, template, of, 200),
      afterDeleteCommand(context, template, of, {
        get: (r, id) => context.step(r, ids.get, `${path}/${id}`),
        patch: (r, id) => context.step(r, ids.update, `${path}/${id}`, { body: { [field]: newValue(r, 0) } }),
      }),
    ],
    cleanUp: async (m) => {
      for (const t of m.live) await context.quiet('DELETE', `${path}/${t.id}`).catch(() => undefined);
    },
  };
}

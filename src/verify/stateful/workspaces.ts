// The tokens-and-workspaces group of `verify --fuzz --stateful`: scoped tokens (which create their workspace), scoped
// info, widget tokens, and the workspaces they made listed, read, updated and counted in the stats.
import fc from 'fast-check';
import { expectAvailable, pick } from './resources.js';
import type { Group, Sequence, StatefulContext } from './run.js';

interface KnownWorkspace {
  name: string;
  /** Learnt from scoped info or the list. */
  id?: string;
  cacheEnabled?: boolean;
}

interface WorkspaceModel {
  /** The workspaces the sequence made (by minting a scoped token), in that order. */
  workspaces: KnownWorkspace[];
  /** The workspaces' total_count before the sequence. */
  workspacesBefore: number;
}

/** What an answer says of a workspace against the model (its id, once known; cache_enabled, once written). */
const workspaceProblem = (w: KnownWorkspace, seen: { id?: string; name?: string; cache_enabled?: unknown }) =>
  w.id !== undefined && seen.id !== w.id
    ? `workspace ${w.name} answers id ${seen.id}, earlier ${w.id}`
    : w.cacheEnabled !== undefined && seen.cache_enabled !== w.cacheEnabled
      ? `workspace ${w.name} answers cache_enabled ${String(seen.cache_enabled)}, not ${w.cacheEnabled} (the last write)`
      : undefined;

export function workspaceGroup(context: StatefulContext): Group<WorkspaceModel> {
  const workspaceName = (r: Sequence, n: number) => `${r.prefix}-ws-${n}`;
  const known = (m: WorkspaceModel) => m.workspaces.filter((w) => w.id !== undefined);
  const any = (m: WorkspaceModel) => m.workspaces.length > 0;
  const command = (
    name: string,
    check: (m: WorkspaceModel) => boolean,
    run: (m: WorkspaceModel, r: Sequence) => Promise<void>,
  ) => context.command(name, check, run);

  return {
    name: 'tokens and workspaces',
    model: () => ({ workspaces: [], workspacesBefore: 0 }),
    prepare: async (m) => {
      m.workspacesBefore = JSON.parse((await context.quiet('GET', '/workspaces/stats')).text).total_count ?? 0;
    },
    commands: [
      fc.nat(2).map((n) =>
        command(
          `scoped token for workspace ${n}`,
          () => true,
          async (m, r) => {
            const name = workspaceName(r, n);
            const answer = await context.step(
              r,
              'create_account_applications_scoped_token',
              '/account/applications/scoped-token',
              { body: { workspace_name: name } },
            );
            context.expectStatus(r, answer, 200, 'minting a scoped token (which creates its workspace)');
            r.scopedTokens.set(name, answer.body.token);
            if (!m.workspaces.some((w) => w.name === name)) m.workspaces.push({ name });
          },
        ),
      ),
      fc.nat().map((i) =>
        command(`scoped token info #${i}`, any, async (m, r) => {
          const workspace = pick(m.workspaces, i);
          const answer = await context.step(
            r,
            'get_account_applications_scoped_token_info',
            '/account/applications/scoped-token/info',
            { scopedFor: workspace.name },
          );
          context.expectStatus(r, answer, 200, 'reading scoped token info');
          context.expectThat(
            r,
            'model_conformance',
            answer,
            answer.body?.workspace_name !== workspace.name
              ? `the scoped token of ${workspace.name} says workspace ${JSON.stringify(answer.body?.workspace_name)}`
              : workspace.id !== undefined && answer.body.workspace_id !== workspace.id
                ? `the scoped token of ${workspace.name} says workspace id ${answer.body.workspace_id}, earlier ${workspace.id}`
                : undefined,
          );
          workspace.id = answer.body.workspace_id;
        }),
      ),
      fc.nat().map((i) =>
        command(`widget token #${i}`, any, async (m, r) => {
          const workspace = pick(m.workspaces, i);
          const answer = await context.step(
            r,
            'create_account_applications_widget_token',
            '/account/applications/widget-token',
            { body: { workspace_name: workspace.name, allowed_origin: 'https://app.example.com' } },
          );
          context.expectStatus(r, answer, 200, 'minting a widget token');
          // base64 of {widgetUrl, token}; widgetUrl's workspaceId names the workspace.
          let workspaceId: string | null | undefined;
          try {
            const decoded = JSON.parse(atob(answer.body.token)) as { widgetUrl: string };
            workspaceId = new URL(decoded.widgetUrl).searchParams.get('workspaceId');
          } catch {
            workspaceId = undefined;
          }
          context.expectThat(
            r,
            'model_conformance',
            answer,
            workspace.id !== undefined && workspaceId !== undefined && workspaceId !== workspace.id
              ? `the widget token of ${workspace.name} names workspace ${workspaceId}, not ${workspace.id}`
              : undefined,
          );
        }),
      ),
      fc.nat().map((i) =>
        command(`list workspaces named like #${i}`, any, async (m, r) => {
          const workspace = pick(m.workspaces, i);
          const answer = await context.step(
            r,
            'list_workspaces',
            `/workspaces?name_contains=${encodeURIComponent(workspace.name)}`,
          );
          context.expectStatus(r, answer, 200, 'listing workspaces');
          const found = (answer.body?.data ?? []).find((w: { name: string }) => w.name === workspace.name);
          context.expectThat(
            r,
            'ensure_resource_availability',
            answer,
            found
              ? undefined
              : `workspace ${workspace.name}, created by a scoped token in this sequence, is not listed`,
          );
          context.expectThat(r, 'model_conformance', answer, workspaceProblem(workspace, found));
          workspace.id = found.id;
        }),
      ),
      fc.nat().map((i) =>
        command(
          `get workspace #${i}`,
          (m) => known(m).length > 0,
          async (m, r) => {
            const workspace = pick(known(m), i);
            const answer = await context.step(r, 'get_workspaces_workspace_id', `/workspaces/${workspace.id}`);
            expectAvailable(context, r, answer, 'workspace', workspace.id);
            context.expectThat(
              r,
              'model_conformance',
              answer,
              answer.body?.name !== workspace.name
                ? `workspace ${workspace.id} reads name ${JSON.stringify(answer.body?.name)}, not ${workspace.name}`
                : workspaceProblem(workspace, answer.body),
            );
          },
        ),
      ),
      fc.tuple(fc.nat(), fc.boolean()).map(([i, cache]) =>
        command(
          `update workspace #${i} (cache_enabled ${cache})`,
          (m) => known(m).length > 0,
          async (m, r) => {
            const workspace = pick(known(m), i);
            const answer = await context.step(r, 'update_workspaces_workspace_id', `/workspaces/${workspace.id}`, {
              body: { cache_enabled: cache },
            });
            context.expectStatus(r, answer, 200, 'updating a workspace');
            workspace.cacheEnabled = cache;
          },
        ),
      ),
      fc.constant(
        command(
          'workspace stats',
          () => true,
          async (m, r) => {
            const answer = await context.step(r, 'get_workspaces_stats', '/workspaces/stats');
            context.expectStatus(r, answer, 200, 'reading workspace stats');
            const expected = m.workspacesBefore + m.workspaces.length;
            context.expectThat(
              r,
              'model_conformance',
              answer,
              answer.body?.total_count === expected
                ? undefined
                : `total_count ${answer.body?.total_count}, expected ${expected} (${m.workspacesBefore} before the sequence, ${m.workspaces.length} created by it; unless another client changed workspaces meanwhile)`,
            );
          },
        ),
      ),
    ],
    cleanUp: async (m) => {
      const ignore = () => undefined;
      for (const { name, id: known } of m.workspaces) {
        const id =
          known ??
          (await context
            .quiet('GET', `/workspaces?name_contains=${encodeURIComponent(name)}`)
            .then((l) => (JSON.parse(l.text).data as { id: string; name: string }[]).find((w) => w.name === name)?.id)
            .catch(ignore));
        if (id) await context.quiet('DELETE', `/workspaces/${id}`).catch(ignore);
      }
    },
  };
}
